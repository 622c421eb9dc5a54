package org.ordercycle.contact.timeline;

/**
 * The steps of the order cycle as the customer timeline names them (the same codes as sales' order timeline), the
 * quotes, dunning and service around them, and the interactions logged in the CRM. Each belongs to the department
 * that reports it.
 */
public enum Step {
    QUOTE_ISSUED("sales"),
    QUOTE_ACCEPTED("sales"),
    QUOTE_DECLINED("sales"),
    ORDER_PLACED("sales"),
    ORDER_ACCEPTED("sales"),
    ORDER_DECLINED("sales"),
    ORDER_ON_HOLD("sales"),
    ORDER_RELEASED("sales"),
    ORDER_CANCELLED("sales"),
    STOCK_RESERVED("production"),
    ORDER_BACKORDERED("production"),
    SHIPMENT_DISPATCHED("production"),
    SHIPMENT_DELIVERED("production"),
    INVOICE_ISSUED("billing"),
    PAYMENT_RECEIVED("billing"),
    CREDIT_NOTE_ISSUED("billing"),
    REFUND_PAID("billing"),
    INVOICE_OVERDUE("billing"),
    DUNNING_NOTICE_ISSUED("billing"),
    RETURN_REQUESTED("returns"),
    RETURN_AUTHORIZED("returns"),
    RETURN_RECEIVED("returns"),
    REFUND_REQUESTED("returns"),
    RETURN_REJECTED("returns"),
    RETURN_CLOSED("returns"),
    SERVICE_TICKET_OPENED("returns"),
    SERVICE_TICKET_CLOSED("returns"),
    SERVICE_DEBRIEF_RECORDED("returns"),
    SATISFACTION_RECORDED("returns"),
    /** A call, visit, e-mail, meeting or agreement logged in the CRM. */
    INTERACTION("crm");

    private final String department;

    Step(String department) {
        this.department = department;
    }

    public String department() {
        return department;
    }
}
