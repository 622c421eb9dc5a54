package org.ordercycle.production.schedule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.ordercycle.events.production.CapacityPlanPublished;
import org.ordercycle.events.production.OrderScheduled;
import org.ordercycle.events.production.ScheduleChanged;
import org.ordercycle.kit.outbox.Outbox;
import org.ordercycle.production.order.ProductionOrder;
import org.ordercycle.production.product.Product;
import org.ordercycle.production.stock.Availability;
import org.ordercycle.production.stock.Cause;
import org.ordercycle.production.stock.Stock;

/**
 * Plans when orders will be ready: production orders into their work center's free capacity by priority and promised
 * date, make-to-stock backorders by lead time. The first plan of a make-to-order order is published as
 * {@code OrderScheduled}; every later move as {@code ScheduleChanged} with the previous date and the reason, and
 * recorded. After every replan the work center's capacity plan is published per month.
 *
 * <p>Locks: the caller holds the stock rows and the order that started it; a replan then locks the work center row
 * (every change of its schedule is serialised there) and the other orders whose dates move, in id order.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Scheduler implements Availability.Capacity {

    private final Outbox outbox;
    private final Instance<Availability> availability;
    private final Clock clock;

    Scheduler(Outbox outbox, Instance<Availability> availability, Clock clock) {
        this.outbox = outbox;
        this.availability = availability;
        this.clock = clock;
    }

    /**
     * Hours of the work center still free this month: the calendar's hours from today to the month's end minus what
     * the plan commits in them.
     */
    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public BigDecimal surplusHours(String workCenter) {
        WorkCenter center = WorkCenter.findById(workCenter);
        if (center == null) {
            return BigDecimal.ZERO;
        }
        LocalDate today = LocalDate.now(clock);
        CapacityCalendar calendar = CapacityCalendar.of(center, today);
        YearMonth month = YearMonth.from(today);
        BigDecimal left = BigDecimal.ZERO;
        for (LocalDate day = today; !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
            left = left.add(calendar.hours(day));
        }
        BigDecimal committed = calendar.plan(WorkOrder.openAt(workCenter), today).committed()
                .getOrDefault(month, BigDecimal.ZERO);
        return left.subtract(committed).max(BigDecimal.ZERO);
    }

    /**
     * Replans these work centers and settles the planned completion of every order that has work there, and of the
     * given order (already locked by the caller).
     */
    public void replan(Collection<String> workCenters, ProductionOrder trigger, String reason) {
        Set<UUID> affected = new TreeSet<>();
        for (String code : new TreeSet<>(workCenters)) {
            affected.addAll(replan(code));
        }
        affected.remove(trigger.id);
        settle(trigger, reason);
        for (UUID id : affected) {
            ProductionOrder.lock(id).ifPresent(order -> settle(order, reason));
        }
    }

    /**
     * The order was cancelled (the caller holds its stock rows and the order): its planned production orders give
     * their materials back and free their capacity. Answers the SKUs whose reservations changed.
     */
    public Set<String> cancelWork(ProductionOrder order, Map<Stock.Key, Stock> stocks, Cause cause) {
        List<WorkOrder> planned = WorkOrder.ofOrder(order.id).stream().filter(WorkOrder::planned).toList();
        Set<String> workCenters = new TreeSet<>();
        planned.forEach(work -> workCenters.add(work.workCenter));
        workCenters.forEach(WorkCenter::lock);
        Set<String> released = new TreeSet<>();
        for (WorkOrder work : planned) {
            work.materials.stream().filter(material -> material.reserved.signum() > 0)
                    .forEach(material -> released.add(material.sku));
            work.cancel(stocks, cause.line(work.lineNo).reference("production order " + work.id));
        }
        for (String code : workCenters) {
            for (UUID id : replan(code)) {
                ProductionOrder.lock(id).ifPresent(other -> settle(other, "order " + order.id + " cancelled"));
            }
        }
        return released;
    }

    /** The work center's capacity changed (the caller holds its row): replan it and settle the orders that move. */
    public void capacityChanged(String code, String reason) {
        for (UUID id : replan(code)) {
            ProductionOrder.lock(id).ifPresent(order -> settle(order, reason));
        }
    }

    /** Re-plans one work center; answers the orders with planned work there. */
    private Set<UUID> replan(String code) {
        WorkCenter center = WorkCenter.lock(code).orElseThrow();
        LocalDate today = LocalDate.now(clock);
        List<WorkOrder> open = WorkOrder.openAt(code);
        CapacityCalendar calendar = CapacityCalendar.of(center, today);
        CapacityCalendar.Plan plan = calendar.plan(open, today);
        Set<UUID> orders = new TreeSet<>();
        for (WorkOrder order : open) {
            CapacityCalendar.Slot slot = plan.slots().get(order.id);
            order.schedule(slot.start(), slot.completion());
            orders.add(order.orderId);
        }
        publishCapacity(center, calendar, plan, YearMonth.from(today));
        // Surplus hours moved: sales hears it for every product made here (published only if it moved enough).
        Product.<Product>list("workCenter = ?1 order by sku", code)
                .forEach(product -> availability.get().changed(product.sku, null));
        return orders;
    }

    /** The hours available and committed per month, from this month to the last one with planned work. */
    private void publishCapacity(WorkCenter center, CapacityCalendar calendar, CapacityCalendar.Plan plan,
            YearMonth first) {
        YearMonth last = plan.committed().keySet().stream().max(YearMonth::compareTo).orElse(first);
        Instant now = clock.instant();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            outbox.publish(new CapacityPlanPublished(UUID.randomUUID(), now, center.code, month,
                    calendar.hoursIn(month), plan.committed().getOrDefault(month, BigDecimal.ZERO)));
        }
    }

    /**
     * Sets the order's planned completion to when it will be ready and tells sales if it is a scheduled
     * (make-to-order) order: the first time {@code OrderScheduled}, a move {@code ScheduleChanged}, recorded.
     */
    public void settle(ProductionOrder order, String reason) {
        if (order.cancelled()) {
            return;
        }
        List<WorkOrder> work = WorkOrder.ofOrder(order.id);
        LocalDate ready = readyBy(order, work);
        LocalDate previous = order.plan(ready);
        if (work.stream().noneMatch(WorkOrder::planned)) {
            return; // made to stock, or made already: its reservation events tell the rest
        }
        Instant now = clock.instant();
        if (previous == null) {
            outbox.publish(new OrderScheduled(UUID.randomUUID(), now, order.id, ready));
        } else if (!previous.equals(ready)) {
            ScheduleChange.record(order.id, previous, ready, reason, now);
            outbox.publish(new ScheduleChanged(UUID.randomUUID(), now, order.id, ready, previous, reason));
        }
    }

    /**
     * A just accepted order without make-to-order lines, so without production orders (they are made only at
     * acceptance): its planned completion from the lead times of what it misses, without asking for its work.
     */
    public void settleMadeToStock(ProductionOrder order) {
        if (order.lines.stream().anyMatch(line -> line.inProduction.signum() > 0)) {
            throw new IllegalStateException("order " + order.id + " has make-to-order lines: settle it with its work");
        }
        if (!order.cancelled()) {
            order.plan(readyBy(order, List.of()));
        }
    }

    /**
     * When an order can ship: the last of its planned production orders, and for make-to-stock lines still missing
     * goods, today + the longest lead time of those products; today when nothing is missing.
     */
    private LocalDate readyBy(ProductionOrder order, List<WorkOrder> work) {
        LocalDate today = LocalDate.now(clock);
        LocalDate ready = today;
        for (ProductionOrder.Line line : order.lines) {
            if (line.backordered.signum() > 0) {
                int leadTime = Product.<Product>findByIdOptional(line.sku).map(product -> product.leadTimeDays)
                        .orElse(0);
                ready = max(ready, today.plusDays(leadTime));
            }
        }
        for (WorkOrder workOrder : work) {
            if (workOrder.planned() && workOrder.plannedCompletion != null) {
                ready = max(ready, workOrder.plannedCompletion);
            }
        }
        return ready;
    }

    /** The plan the work center would have if these orders went first, in this order, with this much overtime. */
    CapacityCalendar.Plan simulate(WorkCenter center, List<WorkOrder> first, Map<UUID, BigDecimal> overtime) {
        LocalDate today = LocalDate.now(clock);
        List<WorkOrder> open = WorkOrder.openAt(center.code);
        List<WorkOrder> ordered = new ArrayList<>(first);
        open.stream().filter(order -> !first.contains(order)).forEach(ordered::add);
        return CapacityCalendar.of(center, today).plan(ordered, today, overtime);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
