package org.ordercycle.sales.quote;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ordercycle.events.sales.QuoteAccepted;
import org.ordercycle.events.sales.QuoteDeclined;
import org.ordercycle.events.sales.QuoteIssued;
import org.ordercycle.kit.api.ProblemException;
import org.ordercycle.kit.outbox.Outbox;
import org.ordercycle.sales.SalesConfig;
import org.ordercycle.sales.customer.CustomerTerms;
import org.ordercycle.sales.order.OrderService;
import org.ordercycle.sales.order.OrderView;
import org.ordercycle.sales.order.PromisedDate;
import org.ordercycle.sales.policy.SelectionPolicy;
import org.ordercycle.sales.pricing.PricedLine;
import org.ordercycle.sales.pricing.Pricing;

/**
 * Quotes: priced like orders, with a capability check that proposes a delivery date, and a clarification that must be
 * complete and confirmed before the customer's acceptance turns the quote into an order.
 */
@ApplicationScoped
@Transactional
public class QuoteService {

    private final Outbox outbox;
    private final Clock clock;
    private final Pricing pricing;
    private final OrderService orders;
    private final SalesConfig.Quotes config;

    QuoteService(Outbox outbox, Clock clock, Pricing pricing, OrderService orders, SalesConfig config) {
        this.outbox = outbox;
        this.clock = clock;
        this.pricing = pricing;
        this.orders = orders;
        this.config = config.quotes();
    }

    public QuoteView issue(QuoteRequest request, String salesperson) {
        LocalDate today = LocalDate.now(clock);
        if (request.requestedDate() != null && request.requestedDate().isBefore(today)) {
            throw ProblemException.badRequest("requestedDate", "must not be before today (" + today + ")");
        }
        Pricing.Priced pricedFor = pricing.price(request.customerId(), request.lines().stream()
                .map(line -> new Pricing.Wanted(line.sku(), line.quantity())).toList(), today);
        CustomerTerms customer = pricedFor.customer();
        List<PricedLine> priced = pricedFor.lines();
        LocalDate proposed = PromisedDate.of(priced.stream()
                .map(line -> new SelectionPolicy.Demand(line.sku(), line.quantity())).toList(),
                pricedFor.products(), request.requestedDate(), today);
        Instant now = clock.instant();
        Quote quote = Quote.issue(customer.id(), customer.currency(), salesperson,
                priced.stream().map(QuoteLine::of).toList(), request.requestedDate(), proposed,
                today.plusDays(config.validDays()), now);
        if (request.clarification() != null) {
            quote.clarify(request.clarification());
        }
        outbox.publish(new QuoteIssued(UUID.randomUUID(), now, quote.id, quote.customerId, quote.totals().net(),
                quote.validUntil));
        return QuoteView.from(quote);
    }

    public QuoteView clarify(UUID id, ClarificationRequest clarification) {
        Quote quote = found(id);
        quote.clarify(clarification);
        return QuoteView.from(quote);
    }

    public QuoteView confirmClarification(UUID id, String by) {
        Quote quote = found(id);
        quote.confirmClarification(by, clock.instant());
        return QuoteView.from(quote);
    }

    /** The customer accepts: the quote becomes an order at the quoted prices, with its clarification. */
    public QuoteView accept(UUID id) {
        Quote quote = found(id);
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        // Checks the quote before placing anything: an incomplete clarification places no order.
        quote.requireAcceptable(today);
        OrderView order = orders.placeFromQuote(quote.id, quote.customerId,
                quote.lines.stream().map(QuoteLine::priced).toList(), quote.requestedDate, quote.salesperson,
                quote.summary(), quote.criteria());
        quote.accept(order.id(), today, now);
        outbox.publish(new QuoteAccepted(UUID.randomUUID(), now, quote.id, quote.customerId, quote.totals().net()));
        return QuoteView.from(quote);
    }

    public QuoteView decline(UUID id, DeclineQuoteRequest request) {
        Quote quote = found(id);
        Instant now = clock.instant();
        String reason = request == null ? null : request.reason();
        quote.decline(reason, now);
        outbox.publish(new QuoteDeclined(UUID.randomUUID(), now, quote.id, quote.customerId, quote.totals().net(),
                reason));
        return QuoteView.from(quote);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<QuoteView> find(UUID id) {
        return Quote.<Quote>findByIdOptional(id).map(QuoteView::from);
    }

    /** A salesperson's quotes in a status (everyone's when salesperson is null), newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<QuoteView> list(String salesperson, QuoteStatus status) {
        List<Quote> quotes = salesperson == null
                ? Quote.list("status = ?1 order by issuedAt desc, id", status)
                : Quote.list("salesperson = ?1 and status = ?2 order by issuedAt desc, id", salesperson, status);
        return quotes.stream().map(QuoteView::from).toList();
    }

    private static Quote found(UUID id) {
        return Quote.<Quote>findByIdOptional(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("quote", id));
    }
}
