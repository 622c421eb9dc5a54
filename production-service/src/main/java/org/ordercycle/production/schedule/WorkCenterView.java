package org.ordercycle.production.schedule;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.ordercycle.events.Money;

/** A work center with its capacity plan (hours available and committed per month, as published). */
public record WorkCenterView(String code, String name, BigDecimal hoursPerDay, BigDecimal overtimeHoursPerDay,
        Money overtimeRate, Instant changedAt, List<Month> plan) {

    public record Month(YearMonth month, BigDecimal hoursAvailable, BigDecimal hoursCommitted) {
    }

    static WorkCenterView from(WorkCenter center, List<Month> plan) {
        return new WorkCenterView(center.code, center.name, center.hoursPerDay, center.overtimeHoursPerDay,
                new Money(center.overtimeRate, center.currency), center.changedAt, plan);
    }
}
