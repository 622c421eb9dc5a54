package org.ordercycle.production.schedule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A work center's capacity day by day (its default hours unless the calendar says otherwise), and the plan that puts
 * production orders one after the other into it.
 */
final class CapacityCalendar {

    /** Beyond this many days nothing is planned: a work center without hours cannot finish anything. */
    static final int HORIZON_DAYS = 1000;

    private final BigDecimal defaultHours;
    private final Map<LocalDate, BigDecimal> exceptions;

    CapacityCalendar(BigDecimal defaultHours, Map<LocalDate, BigDecimal> exceptions) {
        this.defaultHours = defaultHours;
        this.exceptions = exceptions;
    }

    static CapacityCalendar of(WorkCenter center, LocalDate from) {
        return new CapacityCalendar(center.hoursPerDay, WorkCenterDay.from(center.code, from.withDayOfMonth(1)));
    }

    BigDecimal hours(LocalDate day) {
        return exceptions.getOrDefault(day, defaultHours);
    }

    BigDecimal hoursIn(YearMonth month) {
        BigDecimal total = BigDecimal.ZERO;
        for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
            total = total.add(hours(day));
        }
        return total;
    }

    /** When one order is worked on: from its first to its last day. */
    record Slot(LocalDate start, LocalDate completion) {
    }

    /** Where each order lands, and the hours committed per month. */
    record Plan(Map<UUID, Slot> slots, Map<YearMonth, BigDecimal> committed) {

        LocalDate completion(UUID workOrder) {
            return slots.get(workOrder).completion();
        }
    }

    /** Puts the orders, in the order given, one after the other into the free hours from the day on. */
    Plan plan(List<WorkOrder> orders, LocalDate from) {
        return plan(orders, from, Map.of());
    }

    /** The same, as if some orders were granted this much more overtime (worked outside the calendar). */
    Plan plan(List<WorkOrder> orders, LocalDate from, Map<UUID, BigDecimal> moreOvertime) {
        Map<UUID, Slot> slots = new LinkedHashMap<>();
        Map<YearMonth, BigDecimal> committed = new TreeMap<>();
        LocalDate last = from.plusDays(HORIZON_DAYS);
        LocalDate day = from;
        BigDecimal free = hours(day);
        for (WorkOrder order : orders) {
            BigDecimal remaining = order.calendarHours()
                    .subtract(moreOvertime.getOrDefault(order.id, BigDecimal.ZERO)).max(BigDecimal.ZERO);
            while (free.signum() <= 0 && remaining.signum() > 0 && day.isBefore(last)) {
                day = day.plusDays(1);
                free = hours(day);
            }
            LocalDate start = day;
            while (remaining.signum() > 0 && day.isBefore(last)) {
                BigDecimal taken = remaining.min(free);
                remaining = remaining.subtract(taken);
                free = free.subtract(taken);
                if (taken.signum() > 0) {
                    committed.merge(YearMonth.from(day), taken, BigDecimal::add);
                }
                if (remaining.signum() > 0) {
                    day = day.plusDays(1);
                    free = hours(day);
                }
            }
            slots.put(order.id, new Slot(start, day));
        }
        return new Plan(slots, committed);
    }
}
