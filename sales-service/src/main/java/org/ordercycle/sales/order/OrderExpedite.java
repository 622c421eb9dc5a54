package org.ordercycle.sales.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Sales asked production to expedite an order; production's answer, once it came. */
@Entity
@Table(name = "order_expedite")
class OrderExpedite extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID orderId;

    public LocalDate wantedDate;

    public String reason;

    public String requestedBy;

    public Instant requestedAt;

    public Instant answeredAt;

    public Boolean granted;

    public LocalDate newDate;

    public BigDecimal cost;

    @Column(columnDefinition = "char(3)")
    public String costCurrency;

    public BigDecimal overtimeHours;

    /** Ids of the orders the change pushes back, comma-separated. */
    public String displacedOrders;

    public String answerReason;

    static OrderExpedite request(UUID orderId, LocalDate wantedDate, String reason, String by, Instant now) {
        OrderExpedite expedite = new OrderExpedite();
        expedite.id = UUID.randomUUID();
        expedite.orderId = orderId;
        expedite.wantedDate = wantedDate;
        expedite.reason = reason;
        expedite.requestedBy = by;
        expedite.requestedAt = now;
        expedite.persist();
        return expedite;
    }

    /** The latest request of the order production has not answered yet. */
    static OrderExpedite open(UUID orderId) {
        return find("orderId = ?1 and answeredAt is null order by requestedAt desc", orderId).firstResult();
    }

    static List<OrderExpedite> of(UUID orderId) {
        return list("orderId = ?1 order by requestedAt", orderId);
    }

    void answered(boolean granted, LocalDate newDate, BigDecimal cost, String costCurrency, BigDecimal overtimeHours,
            List<UUID> displaced, String reason, Instant at) {
        this.answeredAt = at;
        this.granted = granted;
        this.newDate = newDate;
        this.cost = cost;
        this.costCurrency = costCurrency;
        this.overtimeHours = overtimeHours;
        this.displacedOrders = displaced.stream().map(UUID::toString).collect(Collectors.joining(","));
        this.answerReason = reason;
    }

    List<UUID> displaced() {
        return displacedOrders == null || displacedOrders.isBlank() ? List.of()
                : Arrays.stream(displacedOrders.split(",")).map(UUID::fromString).toList();
    }
}
