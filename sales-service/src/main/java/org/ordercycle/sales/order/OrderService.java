package org.ordercycle.sales.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ordercycle.events.Money;
import org.ordercycle.events.sales.OrderAccepted;
import org.ordercycle.events.sales.OrderCancelled;
import org.ordercycle.events.sales.OrderPlaced;
import org.ordercycle.kit.api.Problem;
import org.ordercycle.kit.api.ProblemException;
import org.ordercycle.kit.outbox.Outbox;
import org.ordercycle.sales.Decimals;
import org.ordercycle.sales.customer.Customer;
import org.ordercycle.sales.price.Price;
import org.ordercycle.sales.product.Product;

/**
 * Takes orders for the customers sales knows, prices them from the price list and the customer's discount,
 * accepts them automatically (for now) and tells the other departments about each one.
 */
@ApplicationScoped
@Transactional
public class OrderService {

    /** Who decides an automatic acceptance, and the priority it gives until the selection policy scores orders. */
    static final String SELECTION_POLICY = "selection-policy";
    static final int DEFAULT_PRIORITY = 50;

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
        List<OrderLine> lines = priced(request.lines(), customer, today);
        Instant now = clock.instant();
        Order order = Order.place(customer, lines, request.requestedDate(), salesperson, now);
        Map<String, Product> products = Product.withSkus(skus(request.lines())).stream()
                .collect(Collectors.toMap(product -> product.sku, Function.identity()));
        order.accept(PromisedDate.of(order.lines, products, request.requestedDate(), today), now);

        OrderView view = OrderView.from(order);
        OrderPlaced placed = placed(view);
        OrderAccepted accepted = accepted(view);
        order.record(placed.eventId(), "ORDER_PLACED", now, "sales", salesperson,
                view.lines().size() + (view.lines().size() == 1 ? " line, " : " lines, ") + "gross "
                        + amount(view.totals().gross()));
        order.record(accepted.eventId(), "ORDER_ACCEPTED", now, "sales", "sales",
                "accepted automatically, promised for " + view.promisedDate());
        outbox.publish(placed);
        outbox.publish(accepted);
        return view;
    }

    public OrderView cancel(UUID id, CancelRequest request, String by) {
        Order order = Orders.locked(id).orElseThrow(() -> ProblemException.notFound("order", id));
        Instant now = clock.instant();
        order.cancel(now);
        String reason = request == null ? null : request.reason();
        OrderCancelled cancelled = new OrderCancelled(UUID.randomUUID(), now, id, reason, by);
        order.record(cancelled.eventId(), "ORDER_CANCELLED", now, "sales", by,
                reason == null ? "cancelled" : "cancelled: " + reason);
        outbox.publish(cancelled);
        return OrderView.from(order);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<OrderView> find(UUID id) {
        return Order.<Order>findByIdOptional(id).map(OrderView::from);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<List<TimelineStep>> timeline(UUID id) {
        return Order.<Order>findByIdOptional(id)
                .map(order -> order.timeline().stream().map(TimelineStep::from).toList());
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

    /** Every line at the price in force and the customer's discount; a 422 naming every line that has none. */
    private static List<OrderLine> priced(List<OrderRequest.Line> requested, Customer customer, LocalDate today) {
        Map<String, Price> prices = Price.inForce(skus(requested), today);
        BigDecimal discount = customer.discountPercent == null ? BigDecimal.ZERO : customer.discountPercent;
        List<OrderLine> lines = new ArrayList<>();
        List<Problem.Violation> unpriced = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            OrderRequest.Line line = requested.get(i);
            Price price = prices.get(line.sku());
            String field = "lines[" + i + "].sku";
            if (price == null) {
                unpriced.add(new Problem.Violation(field,
                        "line " + (i + 1) + " (" + line.sku() + ") has no price in force on " + today));
            } else if (!price.currency.equals(customer.currency)) {
                unpriced.add(new Problem.Violation(field, "line " + (i + 1) + " (" + line.sku() + ") is priced in "
                        + price.currency + ", the customer pays in " + customer.currency));
            } else {
                lines.add(OrderLine.priced(i + 1, line.sku(), line.quantity(), price.unitPrice, discount,
                        price.taxRate));
            }
        }
        if (!unpriced.isEmpty()) {
            throw new ProblemException(Problem.of(422, "Lines without a price",
                    unpriced.stream().map(Problem.Violation::message).collect(Collectors.joining("; ")))
                    .withViolations(unpriced));
        }
        return lines;
    }

    private static List<String> skus(List<OrderRequest.Line> lines) {
        return lines.stream().map(OrderRequest.Line::sku).distinct().toList();
    }

    private static List<org.ordercycle.events.sales.OrderLine> eventLines(OrderView order) {
        return order.lines().stream()
                .map(line -> new org.ordercycle.events.sales.OrderLine(line.lineNo(), line.sku(), line.quantity(),
                        new Money(line.unitPrice(), order.currency()), line.discountPercent(), line.taxRate(), null))
                .toList();
    }

    private static OrderPlaced placed(OrderView order) {
        return new OrderPlaced(UUID.randomUUID(), order.placedAt(), order.id(), order.customerId(), eventLines(order),
                order.currency(), order.requestedDate(), order.classification(), order.salesperson(), null, null);
    }

    private static OrderAccepted accepted(OrderView order) {
        return new OrderAccepted(UUID.randomUUID(), order.placedAt(), order.id(), order.customerId(),
                eventLines(order), order.currency(), DEFAULT_PRIORITY, order.promisedDate(), SELECTION_POLICY, true,
                null, null, null);
    }

    static String amount(Money money) {
        return Decimals.price(money.amount()).toPlainString() + " " + money.currency();
    }
}
