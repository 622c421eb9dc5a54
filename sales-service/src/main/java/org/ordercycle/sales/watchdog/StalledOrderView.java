package org.ordercycle.sales.watchdog;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.ordercycle.sales.order.OrderStatus;

/** An order that has sat in its status longer than the limit, who should act, and whether it was reported. */
public record StalledOrderView(UUID orderId, UUID customerId, OrderStatus status, Instant since, Duration limit,
        Duration waiting, String owner, String salesperson, boolean reported) {
}
