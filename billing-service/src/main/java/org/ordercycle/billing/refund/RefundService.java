package org.ordercycle.billing.refund;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.ordercycle.billing.credit.CustomerCredit;
import org.ordercycle.billing.invoice.DocumentNumbers;
import org.ordercycle.billing.invoice.Invoice;
import org.ordercycle.billing.invoice.InvoiceLine;
import org.ordercycle.billing.order.AcceptedOrder;
import org.ordercycle.billing.order.AgreedLine;
import org.ordercycle.events.Money;
import org.ordercycle.events.billing.CreditNoteIssued;
import org.ordercycle.events.billing.RefundPaid;
import org.ordercycle.events.returns.RefundRequested;
import org.ordercycle.events.returns.ReturnLine;
import org.ordercycle.kit.api.QueryParams;
import org.ordercycle.kit.inbox.PrerequisiteMissing;
import org.ordercycle.kit.outbox.Outbox;

/** Pays refunds for returns: a credit note per invoice the return touches, then one refund. */
@ApplicationScoped
@Transactional
public class RefundService {

    static final String REFUND = "REFUND";
    static final String CREDIT = "CREDIT";

    private final Outbox outbox;
    private final DocumentNumbers numbers;
    private final Clock clock;

    RefundService(Outbox outbox, DocumentNumbers numbers, Clock clock) {
        this.outbox = outbox;
        this.numbers = numbers;
        this.clock = clock;
    }

    /**
     * Credits the returned quantities at the prices they were invoiced at, against the order's invoices oldest first,
     * never more than was invoiced for a line minus what was credited before; then pays the sum back. While the
     * order's invoices do not yet cover the returned quantities (and more can still be invoiced) it waits for the
     * next invoice of the order. A return refunded already changes nothing.
     */
    public void refund(RefundRequested request) {
        AcceptedOrder order = AcceptedOrder.lockedForBilling(request.orderId())
                .orElseThrow(() -> PrerequisiteMissing.of(AcceptedOrder.INVOICED, request.orderId()));
        if (Refund.count("returnId", request.returnId()) > 0) {
            return;
        }
        String settlement = settlementOf(request);
        List<Invoice> invoices = Invoice.ofOrder(order.id);
        Map<UUID, Map<Integer, BigDecimal>> creditedQuantities = new HashMap<>();
        Map<UUID, BigDecimal> creditedAmounts = new HashMap<>();
        for (CreditNote earlier : CreditNote.ofOrder(order.id)) {
            creditedAmounts.merge(earlier.invoiceId, earlier.amount, BigDecimal::add);
            earlier.lines.forEach(line -> creditedQuantities.computeIfAbsent(earlier.invoiceId, id -> new HashMap<>())
                    .merge(line.lineNo, line.quantity, BigDecimal::add));
        }
        if (request.lines().isEmpty()) {
            claim(request, order, invoices, creditedAmounts, settlement);
            return;
        }
        Map<UUID, List<CreditNoteLine>> credits = new LinkedHashMap<>();
        returned(request).forEach((lineNo, quantity) -> {
            AgreedLine agreed = order.line(lineNo).orElseThrow(() -> new RefundRefused("return " + request.returnId()
                    + " names line " + lineNo + ", which order " + order.id + " does not have"));
            BigDecimal invoiced = BigDecimal.ZERO;
            BigDecimal creditable = BigDecimal.ZERO;
            for (Invoice invoice : invoices) {
                Optional<InvoiceLine> line = invoice.line(order.id, lineNo);
                if (line.isPresent()) {
                    invoiced = invoiced.add(line.get().quantity);
                    creditable = creditable.add(line.get().quantity.subtract(credited(creditedQuantities, invoice, lineNo)));
                }
            }
            BigDecimal toCredit = quantity;
            if (creditable.compareTo(quantity) < 0) {
                if (!order.cancelled && invoiced.compareTo(agreed.quantity) < 0) {
                    throw PrerequisiteMissing.of(AcceptedOrder.INVOICED, order.id);
                }
                toCredit = creditable; // the line is invoiced in full: never credit more than was invoiced
            }
            for (Invoice invoice : invoices) {
                Optional<InvoiceLine> line = invoice.line(order.id, lineNo);
                if (toCredit.signum() == 0 || line.isEmpty()) {
                    continue;
                }
                BigDecimal part = toCredit.min(line.get().quantity.subtract(credited(creditedQuantities, invoice, lineNo)));
                if (part.signum() > 0) {
                    credits.computeIfAbsent(invoice.id, id -> new ArrayList<>()).add(CreditNoteLine.of(line.get(), part));
                    toCredit = toCredit.subtract(part);
                }
            }
        });
        LocalDate today = LocalDate.now(clock);
        // A partial refund (the inspection found less to refund): never more than returns asks for, never more than
        // the goods were invoiced at; what is deducted comes off the last credit notes.
        BigDecimal allowed = request.amount() == null ? null : request.amount().amount().setScale(2,
                java.math.RoundingMode.HALF_UP).max(BigDecimal.ZERO);
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (Invoice invoice : invoices) {
            List<CreditNoteLine> lines = credits.get(invoice.id);
            if (lines == null) {
                continue;
            }
            BigDecimal cap = invoice.gross.subtract(creditedAmounts.getOrDefault(invoice.id, BigDecimal.ZERO));
            if (allowed != null) {
                cap = cap.min(allowed.subtract(total));
            }
            if (cap.signum() <= 0) {
                continue;
            }
            total = total.add(creditNote(request, invoice, lines, cap, today).amount);
        }
        pay(request, order, total, settlement);
    }

    /** A claim without goods: an amount only, capped at the order's invoiced gross minus what was credited before. */
    private void claim(RefundRequested request, AcceptedOrder order, List<Invoice> invoices,
            Map<UUID, BigDecimal> creditedAmounts, String settlement) {
        if (invoices.isEmpty()) {
            throw PrerequisiteMissing.of(AcceptedOrder.INVOICED, order.id);
        }
        BigDecimal rest = request.amount().amount().setScale(2, java.math.RoundingMode.HALF_UP).max(BigDecimal.ZERO);
        LocalDate today = LocalDate.now(clock);
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (Invoice invoice : invoices) {
            BigDecimal part = rest.min(invoice.gross.subtract(creditedAmounts.getOrDefault(invoice.id, BigDecimal.ZERO)));
            if (part.signum() > 0) {
                total = total.add(creditNote(request, invoice, List.of(), part, today).amount);
                rest = rest.subtract(part);
            }
        }
        pay(request, order, total, settlement);
    }

    private CreditNote creditNote(RefundRequested request, Invoice invoice, List<CreditNoteLine> lines,
            BigDecimal cap, LocalDate today) {
        CreditNote note = CreditNote.credit(numbers.next("CN", today.getYear()), request.returnId(), invoice, lines,
                cap, request.reason(), today, clock.instant());
        outbox.publish(new CreditNoteIssued(UUID.randomUUID(), note.issuedAt, note.id, note.number,
                note.customerId, note.invoiceId, note.returnId, note.orderId, new Money(note.amount, note.currency)));
        return note;
    }

    /** Pays the refund back, or keeps it as the customer's credit (applied to its open and next invoices). */
    private void pay(RefundRequested request, AcceptedOrder order, BigDecimal total, String settlement) {
        Refund refund = Refund.pay(request.returnId(), order.id, order.customerId, total, order.currency, settlement,
                request.reason(), clock.instant());
        if (CREDIT.equals(settlement) && total.signum() > 0) {
            CustomerCredit.grant(order.customerId, refund.id, total, order.currency, clock.instant());
        }
        outbox.publish(new RefundPaid(UUID.randomUUID(), refund.paidAt, refund.id, refund.returnId, refund.orderId,
                refund.customerId, new Money(refund.amount, refund.currency), settlement));
    }

    private static String settlementOf(RefundRequested request) {
        String settlement = request.settlement();
        if (settlement == null || settlement.isBlank() || REFUND.equals(settlement)) {
            return REFUND;
        }
        if (CREDIT.equals(settlement)) {
            return CREDIT;
        }
        throw new RefundRefused("return " + request.returnId() + " asks for settlement " + settlement
                + ": billing knows REFUND and CREDIT");
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CreditNoteView> find(UUID id) {
        return CreditNote.<CreditNote>findByIdOptional(id).map(CreditNoteView::from);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CreditNoteView> list(String customer) {
        UUID customerId = QueryParams.requiredUuid("customerId", customer);
        return CreditNote.<CreditNote>list("customerId = ?1 order by number", customerId).stream()
                .map(CreditNoteView::from).toList();
    }


    private static Map<Integer, BigDecimal> returned(RefundRequested request) {
        Map<Integer, BigDecimal> quantities = new TreeMap<>();
        for (ReturnLine line : request.lines()) {
            if (line.quantity().signum() <= 0) {
                throw new RefundRefused("return " + request.returnId() + " returns " + line.quantity() + " of line "
                        + line.lineNo() + ": a returned quantity must be positive");
            }
            quantities.merge(line.lineNo(), line.quantity(), BigDecimal::add);
        }
        return quantities;
    }

    private static BigDecimal credited(Map<UUID, Map<Integer, BigDecimal>> credited, Invoice invoice, int lineNo) {
        return credited.getOrDefault(invoice.id, Map.of()).getOrDefault(lineNo, BigDecimal.ZERO);
    }
}
