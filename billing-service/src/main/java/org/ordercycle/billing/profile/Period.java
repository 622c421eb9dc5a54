package org.ordercycle.billing.profile;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** The period a PERIODIC customer's shipments are collected over: ISO weeks (Monday to Sunday) or calendar months. */
public enum Period {
    WEEKLY,
    MONTHLY;

    public LocalDate startOf(LocalDate day) {
        return this == WEEKLY ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day.withDayOfMonth(1);
    }

    public LocalDate endOf(LocalDate day) {
        return this == WEEKLY ? startOf(day).plusDays(6) : day.with(TemporalAdjusters.lastDayOfMonth());
    }
}
