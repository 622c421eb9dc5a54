package org.ordercycle.production.schedule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.ordercycle.events.Money;
import org.ordercycle.events.production.ExpediteAnswered;
import org.ordercycle.events.sales.ExpediteRequested;
import org.ordercycle.kit.outbox.Outbox;
import org.ordercycle.production.order.ProductionOrder;

/**
 * Answers sales' request to finish an order sooner with what it costs: the order's production orders go first on
 * their work centers, with overtime where the calendar's hours up to the wanted date are not enough. Granted when
 * the wanted date can be met within the overtime a work center can add and no other order becomes late by it;
 * then the schedule changes (each move recorded and published). Refused otherwise, with the reason.
 */
@ApplicationScoped
@Transactional
public class Expedites {

    private final Scheduler scheduler;
    private final Outbox outbox;
    private final Clock clock;

    Expedites(Scheduler scheduler, Outbox outbox, Clock clock) {
        this.scheduler = scheduler;
        this.outbox = outbox;
        this.clock = clock;
    }

    public void answer(ExpediteRequested request) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        LocalDate wanted = request.wantedDate();
        ProductionOrder order = ProductionOrder.lock(request.orderId()).orElse(null);
        if (order == null || order.acceptedAt == null || order.cancelled()) {
            refuse(request, order == null || order.acceptedAt == null
                    ? "production has no accepted order " + request.orderId()
                    : "order " + request.orderId() + " was cancelled");
            return;
        }
        if (wanted.isBefore(today)) {
            refuse(request, "the wanted date " + wanted + " has passed");
            return;
        }
        LocalDate planned = order.plannedCompletion == null ? today : order.plannedCompletion;
        if (!planned.isAfter(wanted)) {
            grant(request, planned, null, List.of(), null, "already planned to be ready on " + planned);
            return;
        }
        List<WorkOrder> own = WorkOrder.ofOrder(order.id).stream().filter(WorkOrder::planned).toList();
        if (own.isEmpty()) {
            refuse(request, "the order waits for goods to come in (ready " + planned
                    + "); production capacity cannot make that sooner");
            return;
        }
        Map<String, List<WorkOrder>> byCenter = new TreeMap<>();
        own.forEach(work -> byCenter.computeIfAbsent(work.workCenter, code -> new ArrayList<>()).add(work));

        Map<UUID, BigDecimal> overtime = new HashMap<>();
        BigDecimal overtimeHours = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        String currency = null;
        LocalDate newDate = today;
        Map<UUID, LocalDate> movedTo = new TreeMap<>();
        for (Map.Entry<String, List<WorkOrder>> entry : byCenter.entrySet()) {
            WorkCenter center = WorkCenter.lock(entry.getKey()).orElseThrow();
            CapacityCalendar calendar = CapacityCalendar.of(center, today);
            BigDecimal regular = BigDecimal.ZERO;
            for (LocalDate day = today; !day.isAfter(wanted); day = day.plusDays(1)) {
                regular = regular.add(calendar.hours(day));
            }
            BigDecimal needed = entry.getValue().stream().map(WorkOrder::calendarHours)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal missing = needed.subtract(regular).max(BigDecimal.ZERO);
            long days = java.time.temporal.ChronoUnit.DAYS.between(today, wanted) + 1;
            BigDecimal possible = center.overtimeHoursPerDay.multiply(BigDecimal.valueOf(days));
            if (missing.compareTo(possible) > 0) {
                refuse(request, "work center " + center.code + " would need " + missing.toPlainString()
                        + " h of overtime by " + wanted + "; it can add only " + possible.toPlainString() + " h");
                return;
            }
            BigDecimal left = missing;
            for (WorkOrder work : entry.getValue()) {
                BigDecimal part = left.min(work.calendarHours());
                if (part.signum() > 0) {
                    overtime.put(work.id, part);
                    left = left.subtract(part);
                }
            }
            overtimeHours = overtimeHours.add(missing);
            cost = cost.add(center.overtimeCost(missing).amount());
            currency = currency == null ? center.currency : currency;
            CapacityCalendar.Plan plan = scheduler.simulate(center, entry.getValue(), overtime);
            for (WorkOrder work : entry.getValue()) {
                newDate = newDate.isAfter(plan.completion(work.id)) ? newDate : plan.completion(work.id);
            }
            for (WorkOrder other : WorkOrder.openAt(center.code)) {
                if (!other.orderId.equals(order.id)) {
                    movedTo.merge(other.orderId, plan.completion(other.id), (a, b) -> a.isAfter(b) ? a : b);
                }
            }
        }
        List<UUID> displaced = new ArrayList<>();
        for (Map.Entry<UUID, LocalDate> moved : movedTo.entrySet()) {
            ProductionOrder other = ProductionOrder.findById(moved.getKey());
            if (other.plannedCompletion != null && moved.getValue().isAfter(other.plannedCompletion)) {
                displaced.add(other.id);
                if (other.promisedDate != null && moved.getValue().isAfter(other.promisedDate)
                        && !other.plannedCompletion.isAfter(other.promisedDate)) {
                    refuse(request, "it would make order " + other.id + " late: ready " + moved.getValue()
                            + ", promised " + other.promisedDate);
                    return;
                }
            }
        }
        if (newDate.isAfter(wanted)) {
            refuse(request, "even first and with overtime the order is ready only on " + newDate);
            return;
        }
        Set<String> centers = new TreeSet<>(byCenter.keySet());
        own.forEach(work -> work.expedite(now, overtime.getOrDefault(work.id, BigDecimal.ZERO)));
        scheduler.replan(centers, order, "expedite of order " + order.id + " requested by " + request.requestedBy()
                + (request.reason() == null ? "" : ": " + request.reason()));
        String why = overtimeHours.signum() > 0
                ? "first on " + String.join(", ", centers) + " with " + overtimeHours.toPlainString() + " h overtime"
                : "first on " + String.join(", ", centers) + " without overtime";
        grant(request, order.plannedCompletion, new Money(cost.setScale(2, java.math.RoundingMode.HALF_UP),
                currency), displaced, overtimeHours.signum() > 0 ? overtimeHours : null,
                why + (displaced.isEmpty() ? "" : "; " + displaced.size() + " order(s) move later"));
    }

    private void grant(ExpediteRequested request, LocalDate newDate, Money cost, List<UUID> displaced,
            BigDecimal overtimeHours, String reason) {
        outbox.publish(new ExpediteAnswered(UUID.randomUUID(), clock.instant(), request.orderId(), true, newDate,
                cost == null ? new Money(BigDecimal.ZERO.setScale(2), "EUR") : cost, displaced, overtimeHours, reason));
    }

    private void refuse(ExpediteRequested request, String reason) {
        outbox.publish(new ExpediteAnswered(UUID.randomUUID(), clock.instant(), request.orderId(), false, null, null,
                List.of(), null, reason));
    }
}
