package org.ordercycle.sales.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.ordercycle.events.sales.OrderPlaced;
import org.ordercycle.kit.api.ProblemException;
import org.ordercycle.kit.outbox.Outbox;
import org.ordercycle.sales.customer.Customer;

/** Takes orders for the customers sales knows and tells the other departments about each one. */
@ApplicationScoped
@Transactional
public class OrderService {

    private final Outbox outbox;
    private final Clock clock;

    OrderService(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public OrderView place(OrderRequest request, String salesperson) {
        LocalDate today = LocalDate.now(clock);
        if (request.requestedDate() != null && request.requestedDate().isBefore(today)) {
            throw ProblemException.badRequest("requestedDate", "must not be before today (" + today + ")");
        }
        Customer customer = orderable(request.customerId());
        Order order = Order.place(customer, request, salesperson, clock.instant());
        OrderView view = OrderView.from(order);
        outbox.publish(placed(view));
        return view;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<OrderView> find(UUID id) {
        return Order.<Order>findByIdOptional(id).map(OrderView::from);
    }

    private static Customer orderable(UUID customerId) {
        Customer customer = Customer.findById(customerId);
        if (customer == null) {
            // Contact registers customers; its event may simply not have reached sales yet.
            throw ProblemException.unprocessable("Unknown customer",
                    "customer " + customerId + " is not known to sales (yet): register it in contact first");
        }
        if (customer.erased) {
            throw ProblemException.unprocessable("Erased customer",
                    "customer " + customerId + " was erased and takes no new orders");
        }
        return customer;
    }

    private OrderPlaced placed(OrderView order) {
        // No prices yet: they are agreed when the order is accepted.
        var lines = order.lines().stream()
                .map(line -> new org.ordercycle.events.sales.OrderLine(line.lineNo(), line.sku(), line.quantity(),
                        null, null, null))
                .toList();
        return new OrderPlaced(UUID.randomUUID(), order.placedAt(), order.id(), order.customerId(), lines,
                order.currency(), order.requestedDate(), order.classification(), order.salesperson(), null,
                null);
    }
}
