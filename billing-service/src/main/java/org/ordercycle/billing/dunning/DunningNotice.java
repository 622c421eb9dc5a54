package org.ordercycle.billing.dunning;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One dunning level issued for one invoice (unique per invoice and level). */
@Entity
public class DunningNotice extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID invoiceId;

    public UUID customerId;

    public int level;

    public String name;

    public int daysOverdue;

    public BigDecimal openAmount;

    public BigDecimal fee;

    public BigDecimal interest;

    @Column(columnDefinition = "char(3)")
    public String currency;

    public LocalDate issuedOn;

    public Instant issuedAt;

    static DunningNotice issue(UUID invoiceId, UUID customerId, int level, String name, int daysOverdue,
            BigDecimal openAmount, BigDecimal fee, BigDecimal interest, String currency, LocalDate issuedOn,
            Instant issuedAt) {
        DunningNotice notice = new DunningNotice();
        notice.id = UUID.randomUUID();
        notice.invoiceId = invoiceId;
        notice.customerId = customerId;
        notice.level = level;
        notice.name = name;
        notice.daysOverdue = daysOverdue;
        notice.openAmount = openAmount;
        notice.fee = fee;
        notice.interest = interest;
        notice.currency = currency;
        notice.issuedOn = issuedOn;
        notice.issuedAt = issuedAt;
        notice.persist();
        return notice;
    }
}
