package org.ordercycle.events.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.ordercycle.events.Event;
import org.ordercycle.events.Money;

/**
 * Billing invoiced a customer for shipped goods, at the prices sales agreed.
 * Published by billing on {@code billing.invoices}, keyed by {@code customerId}.
 *
 * @param number      the legal invoice number printed on the invoice, e.g. {@code INV-2026-000123}
 * @param orderIds    the orders invoiced (one invoice may collect several)
 * @param shipmentIds the shipments whose quantities were invoiced
 * @param format      how the invoice was rendered as the customer wants it, e.g. {@code PDF}, {@code XRECHNUNG},
 *                    {@code ZUGFERD}, {@code UBL}
 */
public record InvoiceIssued(UUID eventId, Instant occurredAt, UUID invoiceId, String number, UUID customerId,
        List<UUID> orderIds, List<UUID> shipmentIds, Money net, Money tax, Money gross, LocalDate dueDate,
        String format) implements Event {
}
