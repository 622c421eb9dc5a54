package org.ordercycle.sales.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ordercycle.events.Money;
import org.ordercycle.events.billing.Allocation;
import org.ordercycle.events.billing.CreditNoteIssued;
import org.ordercycle.events.billing.InvoiceIssued;
import org.ordercycle.events.billing.PaymentReceived;
import org.ordercycle.events.billing.RefundPaid;
import org.ordercycle.events.production.ShipmentDispatched;
import org.ordercycle.events.production.ShippedLine;

/** Events of the other departments about one order, as they would publish them. */
final class CycleEvents {

    private CycleEvents() {
    }

    static Money chf(String amount) {
        return new Money(new BigDecimal(amount), "CHF");
    }

    static ShipmentDispatched shipment(UUID orderId, UUID customerId, UUID shipmentId, Instant at, String by,
            ShippedLine... lines) {
        return new ShipmentDispatched(UUID.randomUUID(), at, shipmentId, orderId, customerId, List.of(lines), "DHL",
                "TRK-" + shipmentId.toString().substring(0, 6), "MAIN", at, by);
    }

    static InvoiceIssued invoice(UUID orderId, UUID customerId, UUID invoiceId, UUID shipmentId, String number,
            String net, String tax, String gross, Instant at) {
        return new InvoiceIssued(UUID.randomUUID(), at, invoiceId, number, customerId, List.of(orderId),
                List.of(shipmentId), chf(net), chf(tax), chf(gross), LocalDate.now().plusDays(30), "PDF");
    }

    static PaymentReceived payment(UUID customerId, UUID invoiceId, String amount, Instant at, String by) {
        return new PaymentReceived(UUID.randomUUID(), at, UUID.randomUUID(), customerId, chf(amount),
                List.of(new Allocation(invoiceId, chf(amount))), by);
    }

    static CreditNoteIssued creditNote(UUID orderId, UUID customerId, UUID invoiceId, UUID returnId, String amount,
            Instant at) {
        return new CreditNoteIssued(UUID.randomUUID(), at, UUID.randomUUID(), "CN-2026-000001", customerId, invoiceId,
                returnId, orderId, chf(amount));
    }

    static RefundPaid refund(UUID orderId, UUID customerId, UUID returnId, String amount, Instant at) {
        return new RefundPaid(UUID.randomUUID(), at, UUID.randomUUID(), returnId, orderId, customerId, chf(amount), null);
    }
}
