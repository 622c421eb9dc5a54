package org.ordercycle.production.product;

/** How a product meets demand. */
public enum ProductMode {
    /** Sold from stock: an accepted order reserves it, or backorders it until goods come in. */
    MAKE_TO_STOCK,
    /**
     * Made for the order: an accepted order gets a production order on the product's work center, its materials are
     * reserved, and the goods are reserved for the order when production completes them.
     */
    MAKE_TO_ORDER
}
