package org.ordercycle.sales.order;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ordercycle.events.Money;
import org.ordercycle.events.billing.Allocation;
import org.ordercycle.events.billing.CreditNoteIssued;
import org.ordercycle.events.billing.InvoiceIssued;
import org.ordercycle.events.billing.PaymentReceived;
import org.ordercycle.events.billing.RefundPaid;
import org.ordercycle.kit.inbox.PrerequisiteMissing;
import org.ordercycle.kit.inbox.Prerequisites;
import org.ordercycle.kit.inbox.EventHandlers;

/**
 * Billing's word on sales' orders: invoices, payments, credit notes and refunds. Payments (billing.payments) name
 * invoices (billing.invoices), which may not have arrived yet: such a payment waits for ("invoice", id).
 */
@ApplicationScoped
class BillingEventsHandler implements EventHandlers {

    static final String INVOICE = "invoice";
    private static final String BILLING = "billing";

    private final Prerequisites prerequisites;

    BillingEventsHandler(Prerequisites prerequisites) {
        this.prerequisites = prerequisites;
    }

    void on(InvoiceIssued event) {
        // One invoice per shipment, so one order: an invoice's money is the first order's.
        Orders.known(event.orderIds().get(0)).ifPresent(order -> {
            if (!order.invoiced(event.invoiceId(), event.number(), event.gross().amount(),
                    event.gross().currency(), event.shipmentIds(), event.occurredAt())) {
                return; // the same invoice announced again
            }
            order.record(event.eventId(), "INVOICE_ISSUED", event.occurredAt(), BILLING, BILLING,
                    event.number() + ", gross " + OrderService.amount(event.gross()) + ", due " + event.dueDate());
            prerequisites.arrived(INVOICE, event.invoiceId());
        });
    }

    void on(PaymentReceived event) {
        Map<UUID, OrderInvoice> invoices = new LinkedHashMap<>();
        for (Allocation allocation : event.allocations()) {
            OrderInvoice invoice = OrderInvoice.findById(allocation.invoiceId());
            if (invoice == null) {
                throw PrerequisiteMissing.of(INVOICE, allocation.invoiceId());
            }
            invoices.put(invoice.invoiceId, invoice);
        }
        Map<UUID, StringBuilder> summaries = new LinkedHashMap<>();
        for (Allocation allocation : event.allocations()) {
            OrderInvoice invoice = invoices.get(allocation.invoiceId());
            Order order = Orders.locked(invoice.orderId).orElseThrow();
            order.paid(invoice, allocation.amount().amount(), event.occurredAt());
            StringBuilder summary = summaries.computeIfAbsent(order.id, id -> new StringBuilder());
            summary.append(summary.isEmpty() ? "" : ", ")
                    .append(OrderService.amount(allocation.amount())).append(" on ").append(invoice.number);
        }
        summaries.forEach((orderId, summary) -> Order.<Order>findById(orderId).record(event.eventId(),
                "PAYMENT_RECEIVED", event.occurredAt(), BILLING, event.by() == null ? BILLING : event.by(),
                summary.toString()));
    }

    void on(CreditNoteIssued event) {
        Orders.known(event.orderId()).ifPresent(order -> order.record(event.eventId(), "CREDIT_NOTE_ISSUED",
                event.occurredAt(), BILLING, BILLING, event.number() + ", " + OrderService.amount(event.amount())));
    }

    void on(RefundPaid event) {
        Orders.known(event.orderId()).ifPresent(order -> {
            order.refundPaid(event.returnId(), event.occurredAt());
            order.record(event.eventId(), "REFUND_PAID", event.occurredAt(), BILLING, BILLING,
                    OrderService.amount(event.amount()) + " paid back");
        });
    }
}
