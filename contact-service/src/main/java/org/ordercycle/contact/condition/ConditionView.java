package org.ordercycle.contact.condition;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.ordercycle.events.Money;

public record ConditionView(UUID id, BigDecimal discountPercent, Integer paymentTermDays, Money creditLimit,
        String priceList, String particularities, LocalDate validFrom, LocalDate validTo, boolean validToday,
        Instant recordedAt, String recordedBy) {

    static ConditionView from(SpecialCondition condition, LocalDate today) {
        return new ConditionView(condition.id, condition.discountPercent, condition.paymentTermDays,
                condition.creditLimit == null ? null : new Money(condition.creditLimit, condition.creditLimitCurrency),
                condition.priceList, condition.particularities, condition.validFrom, condition.validTo,
                condition.validOn(today), condition.recordedAt, condition.recordedBy);
    }
}
