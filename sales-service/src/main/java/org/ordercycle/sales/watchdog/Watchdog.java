package org.ordercycle.sales.watchdog;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.ordercycle.events.sales.OrderStalled;
import org.ordercycle.kit.outbox.Outbox;
import org.ordercycle.sales.SalesConfig;
import org.ordercycle.sales.order.Order;
import org.ordercycle.sales.order.OrderStatus;
import org.ordercycle.sales.order.Orders;

/**
 * No order is left unattended: every {@code sales.watchdog.interval} the watchdog looks for orders that have sat in
 * their status longer than that status' limit ({@code sales.watchdog.limits.<STATUS>}) and publishes
 * {@code OrderStalled} once per visit of that status, naming who should act.
 */
@ApplicationScoped
public class Watchdog {

    private static final Logger LOG = Logger.getLogger(Watchdog.class);

    private final Outbox outbox;
    private final Clock clock;
    private final SalesConfig.Watchdog config;

    Watchdog(Outbox outbox, Clock clock, SalesConfig config) {
        this.outbox = outbox;
        this.clock = clock;
        this.config = config.watchdog();
    }

    @Scheduled(every = "${sales.watchdog.interval:1m}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            int reported = sweep();
            if (reported > 0) {
                LOG.infof("Watchdog reported %d stalled order(s)", reported);
            }
        } catch (RuntimeException e) {
            LOG.warn("Watchdog sweep failed; it runs again at its next interval", e);
        }
    }

    /** Reports every order over its status' limit that was not reported for this visit yet; how many it reported. */
    @Transactional
    public int sweep() {
        Instant now = clock.instant();
        int reported = 0;
        for (Map.Entry<OrderStatus, Duration> limit : limits().entrySet()) {
            List<UUID> candidates = Order.getEntityManager().createQuery("select o.id from Order o where o.status = "
                    + ":status and o.statusSince < :before and (o.stalledReportedFor is null or "
                    + "o.stalledReportedFor <> o.statusSince)", UUID.class)
                    .setParameter("status", limit.getKey())
                    .setParameter("before", now.minus(limit.getValue()))
                    .getResultList();
            for (UUID id : candidates) {
                Order order = Orders.locked(id).orElseThrow();
                // locked: another sweep may have reported it or the order may have moved on meanwhile
                if (order.status != limit.getKey() || !order.statusSince.isBefore(now.minus(limit.getValue()))) {
                    continue;
                }
                Instant since = order.statusSince;
                if (!order.stalled()) {
                    continue;
                }
                String owner = owner(order);
                OrderStalled stalled = new OrderStalled(UUID.randomUUID(), now, order.id, order.status.name(), since,
                        limit.getValue(), owner);
                order.record(stalled.eventId(), "ORDER_STALLED", now, "sales", "watchdog", order.status + " since "
                        + since + ", longer than " + limit.getValue() + ": " + owner + " should act");
                outbox.publish(stalled);
                reported++;
            }
        }
        return reported;
    }

    /** The orders over their status' limit now, the longest waiting first (reported already or not). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StalledOrderView> stalled() {
        Instant now = clock.instant();
        List<StalledOrderView> stalled = new ArrayList<>();
        for (Map.Entry<OrderStatus, Duration> limit : limits().entrySet()) {
            List<Order> orders = Order.list("status = ?1 and statusSince < ?2", limit.getKey(),
                    now.minus(limit.getValue()));
            for (Order order : orders) {
                stalled.add(new StalledOrderView(order.id, order.customerId, order.status, order.statusSince,
                        limit.getValue(), Duration.between(order.statusSince, now), owner(order), order.salesperson,
                        order.statusSince.equals(order.stalledReportedFor)));
            }
        }
        stalled.sort(Comparator.comparing(StalledOrderView::since));
        return stalled;
    }

    /** The configured limits by status; a name that is no status is ignored (and logged once at start). */
    private Map<OrderStatus, Duration> limits() {
        Map<OrderStatus, Duration> limits = new java.util.EnumMap<>(OrderStatus.class);
        config.limits().forEach((state, limit) -> {
            try {
                limits.put(OrderStatus.valueOf(state), limit);
            } catch (IllegalArgumentException e) {
                LOG.debugf("sales.watchdog.limits.%s names no order status; ignored", state);
            }
        });
        return limits;
    }

    /** Who should act on an order stuck in its status. */
    private String owner(Order order) {
        return switch (order.status) {
            case ON_HOLD, AWAITING_DECISION -> config.managerOwner();
            case ACCEPTED, RESERVED, BACKORDERED, PARTIALLY_SHIPPED -> "production";
            case SHIPPED -> "billing";
            case RETURN_REQUESTED -> "returns";
            default -> order.salesperson;
        };
    }
}
