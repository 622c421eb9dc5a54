package org.ordercycle.sales.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.ordercycle.events.contact.Classification;
import org.ordercycle.sales.customer.Customer;

/** A customer's order as sales entered it. */
@Entity
@Table(name = "sales_order")
public class Order extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID customerId;

    @Enumerated(EnumType.STRING)
    public OrderStatus status;

    // Lines are never shown or sent without their order.
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "sales_order_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderBy("lineNo")
    public List<OrderLine> lines = new ArrayList<>();

    /** The customer's currency when the order was placed. */
    @Column(columnDefinition = "char(3)")
    public String currency;

    /** Copied from the customer: internal orders are flagged and priced by internal rules. */
    @Enumerated(EnumType.STRING)
    public Classification classification;

    public LocalDate requestedDate;

    /** User name of the salesperson who placed the order and owns it. */
    public String salesperson;

    public Instant placedAt;

    @Version
    public long version;

    static Order place(Customer customer, OrderRequest request, String salesperson, Instant now) {
        Order order = new Order();
        order.id = UUID.randomUUID();
        order.customerId = customer.id;
        order.status = OrderStatus.PLACED;
        for (OrderRequest.Line line : request.lines()) {
            order.lines.add(OrderLine.of(order.lines.size() + 1, line.sku(), line.quantity()));
        }
        order.currency = customer.currency;
        order.classification = customer.classification;
        order.requestedDate = request.requestedDate();
        order.salesperson = salesperson;
        order.placedAt = now;
        order.persist();
        return order;
    }
}
