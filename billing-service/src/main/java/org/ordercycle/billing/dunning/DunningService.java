package org.ordercycle.billing.dunning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ordercycle.billing.BillingConfig;
import org.ordercycle.billing.invoice.Invoice;
import org.ordercycle.billing.invoice.InvoiceStatus;
import org.ordercycle.events.Money;
import org.ordercycle.events.billing.DunningNoticeIssued;
import org.ordercycle.events.billing.InvoiceOverdue;
import org.ordercycle.kit.api.QueryParams;
import org.ordercycle.kit.outbox.Outbox;

/**
 * Dunning: an open invoice past its due date is announced overdue once ({@code InvoiceOverdue}), then the
 * configured levels are issued one after the other ({@code DunningNoticeIssued}), each once, each when its days
 * after the due date are reached — at most one level per invoice and run, so a customer never gets two at once.
 * An invoice of a disputed order (an open return or claim) is not dunned.
 */
@ApplicationScoped
@Transactional
public class DunningService {

    private static final BigDecimal DAYS_PER_YEAR = BigDecimal.valueOf(365);

    private final Outbox outbox;
    private final BillingConfig config;
    private final Clock clock;

    DunningService(Outbox outbox, BillingConfig config, Clock clock) {
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    /** Open invoices past their due date today: what a dunning run goes through. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UUID> overdueInvoices() {
        return Invoice.find("select id from Invoice where status = ?1 and dueDate < ?2 order by dueDate, number",
                InvoiceStatus.OPEN, today()).project(UUID.class).list();
    }

    /** Dunning for one invoice, in its own transaction. */
    public Outcome dun(UUID invoiceId) {
        Invoice invoice = Invoice.findById(invoiceId, LockModeType.PESSIMISTIC_WRITE);
        LocalDate today = today();
        if (invoice == null || invoice.status != InvoiceStatus.OPEN || !today.isAfter(invoice.dueDate)
                || invoice.open().compareTo(config.dunning().minimumOpen()) < 0) {
            return Outcome.NOTHING;
        }
        if (Dispute.anyOpen(invoice.orderIds())) {
            return Outcome.DISPUTED;
        }
        int daysOverdue = invoice.daysOverdue(today);
        boolean overdue = invoice.becomeOverdue(today);
        if (overdue) {
            outbox.publish(new InvoiceOverdue(UUID.randomUUID(), clock.instant(), invoice.id, invoice.customerId,
                    daysOverdue, new Money(invoice.open(), invoice.currency)));
        }
        List<BillingConfig.Dunning.Level> levels = config.dunning().levels();
        if (invoice.dunningLevel >= levels.size()) {
            return overdue ? Outcome.OVERDUE : Outcome.NOTHING;
        }
        int next = invoice.dunningLevel + 1;
        BillingConfig.Dunning.Level level = levels.get(next - 1);
        if (daysOverdue < level.daysAfterDue()) {
            return overdue ? Outcome.OVERDUE : Outcome.NOTHING;
        }
        BigDecimal fee = level.fee().setScale(2, RoundingMode.HALF_UP);
        BigDecimal interest = invoice.open().multiply(level.interestPercent())
                .multiply(BigDecimal.valueOf(daysOverdue))
                .divide(BigDecimal.valueOf(100).multiply(DAYS_PER_YEAR), 2, RoundingMode.HALF_UP);
        invoice.dun(next, today);
        DunningNotice notice = DunningNotice.issue(invoice.id, invoice.customerId, next, level.name(), daysOverdue,
                invoice.open(), fee, interest, invoice.currency, today, clock.instant());
        outbox.publish(new DunningNoticeIssued(UUID.randomUUID(), notice.issuedAt, invoice.id, invoice.customerId,
                daysOverdue, next, new Money(fee, invoice.currency)));
        return overdue ? Outcome.OVERDUE_AND_NOTICE : Outcome.NOTICE;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DunningNoticeView> notices(String customer) {
        UUID customerId = QueryParams.requiredUuid("customerId", customer);
        return DunningNotice.<DunningNotice>list("customerId = ?1 order by issuedAt, level", customerId).stream()
                .map(DunningNoticeView::from).toList();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), config.company().timeZone());
    }

    public enum Outcome {
        NOTHING, DISPUTED, OVERDUE, NOTICE, OVERDUE_AND_NOTICE;

        boolean overdue() {
            return this == OVERDUE || this == OVERDUE_AND_NOTICE;
        }

        boolean notice() {
            return this == NOTICE || this == OVERDUE_AND_NOTICE;
        }
    }
}
