package org.ordercycle.production.stock;

/** Why a stock figure changed; every change is one ledger entry of one of these kinds. */
public enum MovementKind {
    /** What was on hand and reserved when the ledger was introduced. */
    OPENING_BALANCE,
    /** Goods came in: a goods receipt, with or without a purchase order. On hand up. */
    RECEIPT,
    /** Goods promised to an order line. Reserved up. */
    RESERVATION,
    /** A promise given back (cancellation, amendment, goods found missing). Reserved down. */
    RELEASE,
    /** Reserved goods left with a shipment. On hand and reserved down. */
    ISSUE,
    /** A correction of what is on hand, e.g. the difference a stock count found. On hand up or down. */
    ADJUSTMENT,
    /** Returned goods inspection found resellable, back on the shelf. On hand up. */
    RETURN_TO_STOCK,
    /** Goods written off. On hand down. */
    SCRAP,
    /** Goods moved out of this warehouse into another one. On hand down. */
    TRANSFER_OUT,
    /** Goods moved into this warehouse from another one. On hand up. */
    TRANSFER_IN,
    /** Goods a production order made came in (and are reserved for its order right after). On hand up. */
    PRODUCTION_RECEIPT,
    /** Materials a production order used up: what was reserved for it, and any more it took. On hand down. */
    PRODUCTION_ISSUE
}
