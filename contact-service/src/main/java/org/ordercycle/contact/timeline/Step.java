package org.ordercycle.contact.timeline;

/**
 * The steps of the order cycle as the customer timeline names them: the same codes as sales' order timeline.
 * Each belongs to the department that publishes it.
 */
public enum Step {
    ORDER_PLACED("sales"),
    ORDER_ACCEPTED("sales"),
    ORDER_CANCELLED("sales"),
    STOCK_RESERVED("production"),
    ORDER_BACKORDERED("production"),
    SHIPMENT_DISPATCHED("production"),
    INVOICE_ISSUED("billing"),
    PAYMENT_RECEIVED("billing"),
    CREDIT_NOTE_ISSUED("billing"),
    REFUND_PAID("billing"),
    RETURN_REQUESTED("returns"),
    RETURN_AUTHORIZED("returns"),
    RETURN_RECEIVED("returns"),
    REFUND_REQUESTED("returns"),
    RETURN_CLOSED("returns");

    private final String department;

    Step(String department) {
        this.department = department;
    }

    public String department() {
        return department;
    }
}
