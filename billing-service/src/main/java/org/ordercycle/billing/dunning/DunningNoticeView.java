package org.ordercycle.billing.dunning;

import java.time.LocalDate;
import java.util.UUID;
import org.ordercycle.events.Money;

/** A dunning notice: level and name, days overdue, the open amount, fee and interest charged with it. */
public record DunningNoticeView(UUID id, UUID invoiceId, UUID customerId, int level, String name, int daysOverdue,
        Money openAmount, Money fee, Money interest, LocalDate issuedOn) {

    static DunningNoticeView from(DunningNotice n) {
        return new DunningNoticeView(n.id, n.invoiceId, n.customerId, n.level, n.name, n.daysOverdue,
                new Money(n.openAmount, n.currency), new Money(n.fee, n.currency), new Money(n.interest, n.currency),
                n.issuedOn);
    }
}
