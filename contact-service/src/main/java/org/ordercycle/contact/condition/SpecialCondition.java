package org.ordercycle.contact.condition;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Conditions agreed with a customer for a period: what it sets replaces the customer's base conditions while it is
 * valid ({@code validFrom} to {@code validTo}, both inclusive; open-ended without {@code validTo}). Of several valid
 * ones, the one starting last wins.
 */
@Entity
public class SpecialCondition extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID partyId;

    public BigDecimal discountPercent;

    public Integer paymentTermDays;

    public BigDecimal creditLimit;

    public String creditLimitCurrency;

    public String priceList;

    /** Free text: what else was agreed (delivery only on Tuesdays, invoices in duplicate …). */
    public String particularities;

    public LocalDate validFrom;

    public LocalDate validTo;

    public Instant recordedAt;

    public String recordedBy;

    static SpecialCondition agree(UUID partyId, ConditionRequest request, Instant at, String by) {
        SpecialCondition condition = new SpecialCondition();
        condition.id = UUID.randomUUID();
        condition.partyId = partyId;
        condition.discountPercent = request.discountPercent() == null ? null
                : request.discountPercent().setScale(2, RoundingMode.UNNECESSARY);
        condition.paymentTermDays = request.paymentTermDays();
        if (request.creditLimit() != null) {
            condition.creditLimit = request.creditLimit().amount();
            condition.creditLimitCurrency = request.creditLimit().currency();
        }
        condition.priceList = request.priceList();
        condition.particularities = request.particularities();
        condition.validFrom = request.validFrom();
        condition.validTo = request.validTo();
        condition.recordedAt = at;
        condition.recordedBy = by;
        return condition;
    }

    /** The condition ends with {@code lastDay} (inclusive). */
    void end(LocalDate lastDay) {
        validTo = lastDay;
    }

    public boolean validOn(LocalDate day) {
        return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
    }

    /** The condition valid on {@code day}: of several, the one starting last (then the one recorded last). */
    public static Optional<SpecialCondition> validOn(UUID partyId, LocalDate day) {
        return find("partyId = ?1 and validFrom <= ?2 and (validTo is null or validTo >= ?2) "
                + "order by validFrom desc, recordedAt desc", partyId, day).firstResultOptional();
    }

    static List<SpecialCondition> of(UUID partyId) {
        return list("partyId = ?1 order by validFrom, recordedAt", partyId);
    }
}
