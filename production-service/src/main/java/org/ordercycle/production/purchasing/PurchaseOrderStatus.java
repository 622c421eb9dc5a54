package org.ordercycle.production.purchasing;

public enum PurchaseOrderStatus {
    OPEN, PARTIALLY_RECEIVED, RECEIVED
}
