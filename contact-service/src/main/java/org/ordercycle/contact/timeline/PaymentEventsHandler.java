package org.ordercycle.contact.timeline;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ordercycle.events.billing.Allocation;
import org.ordercycle.events.billing.PaymentReceived;
import org.ordercycle.events.billing.RefundPaid;
import org.ordercycle.kit.inbox.EventHandlers;

/**
 * Payments and refunds on the orders' timelines. A payment names only the invoices it paid: one entry per order
 * whose invoice got money, and a payment naming an invoice billing's InvoiceIssued has not brought yet waits for it.
 * Money left over as the customer's credit concerns no order and shows on no order's timeline.
 */
@ApplicationScoped
class PaymentEventsHandler implements EventHandlers {

    private final TimelineService timeline;

    PaymentEventsHandler(TimelineService timeline) {
        this.timeline = timeline;
    }

    void on(PaymentReceived event) {
        List<Allocation> paying = event.allocations().stream().filter(a -> a.amount().amount().signum() > 0).toList();
        Map<UUID, CustomerInvoice> invoices = timeline.invoices(paying.stream().map(Allocation::invoiceId).toList());
        paying.forEach(allocation -> timeline.invoicePaid(allocation.invoiceId(), allocation.amount().amount()));
        Map<UUID, OrderPayment> byOrder = new LinkedHashMap<>();
        for (Allocation allocation : paying) {
            CustomerInvoice invoice = invoices.get(allocation.invoiceId());
            for (UUID orderId : invoice.orderIds) {
                byOrder.computeIfAbsent(orderId, id -> new OrderPayment()).add(invoice.number, allocation.amount().amount());
            }
        }
        String currency = event.amount().currency();
        byOrder.forEach((orderId, payment) -> timeline.add(event.customerId(), event.eventId(),
                new NewEntry(orderId, Step.PAYMENT_RECEIVED, event.occurredAt(), event.by(),
                        "Payment received: %s for invoice%s %s (payment of %s)".formatted(
                                Summaries.money(payment.amount, currency), payment.invoices.size() == 1 ? "" : "s",
                                String.join(", ", payment.invoices), Summaries.money(event.amount())))));
    }

    void on(RefundPaid event) {
        timeline.add(event.customerId(), event.eventId(), new NewEntry(event.orderId(), Step.REFUND_PAID,
                event.occurredAt(), null, "Refund paid: " + Summaries.money(event.amount())));
    }

    /** What one payment brought to one order (an invoice of several orders counts for each of them). */
    private static final class OrderPayment {
        private final List<String> invoices = new ArrayList<>();
        private BigDecimal amount = BigDecimal.ZERO;

        void add(String invoice, BigDecimal paid) {
            if (!invoices.contains(invoice)) {
                invoices.add(invoice);
            }
            amount = amount.add(paid);
        }
    }
}
