package org.ordercycle.returns.returncase;

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
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.ordercycle.events.Address;
import org.ordercycle.events.Money;
import org.ordercycle.events.returns.ItemCondition;
import org.ordercycle.kit.money.Amounts;

/**
 * A case of one order: a return (RMA: goods that may come back, picked up, inspected and refunded or replaced) or a
 * claim without goods (refunded as an amount). Its state changes only through the transitions below.
 */
@Entity
@Table(name = "return_case")
public class ReturnCase extends PanacheEntityBase {

    /** States in which goods are still to arrive: a receipt is accepted in each. */
    private static final Set<ReturnState> AWAITING_GOODS = EnumSet.of(ReturnState.AUTHORIZED,
            ReturnState.PICKUP_SCHEDULED, ReturnState.IN_TRANSIT);

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public CaseKind kind;

    public UUID orderId;

    public UUID customerId;

    @Column(columnDefinition = "char(3)")
    public String currency;

    @Enumerated(EnumType.STRING)
    public ReturnState state;

    @Enumerated(EnumType.STRING)
    public CaseReason reasonCode;

    /** The customer's words. */
    public String reason;

    @Enumerated(EnumType.STRING)
    public Settlement settlement;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "return_case_line", joinColumns = @JoinColumn(name = "return_id"))
    @OrderBy("lineNo")
    public List<ReturnCaseLine> lines = new ArrayList<>();

    /** A claim's amount, gross; absent for a return (its value is its lines'). */
    public BigDecimal claimedAmount;

    /** The last day of the reason's window, counted from delivery (or dispatch). */
    public LocalDate windowEnds;
    /** Why a person must decide (outside the window, above the automatic value); absent when the rule decided. */
    public String pendingBecause;

    public String requestedBy;
    public Instant requestedAt;
    public Instant authorizedAt;
    /** Who authorized it; absent when the rule did. */
    public String authorizedBy;
    public String rejectedBy;
    public Instant rejectedAt;
    public String rejectionReason;

    public String pickupCarrier;
    public LocalDate pickupDate;
    public String pickupStreet;
    public String pickupPostalCode;
    public String pickupCity;
    public String pickupRegion;
    public String pickupCountry;
    public String pickupTrackingNo;
    public String pickupScheduledBy;
    public Instant pickupScheduledAt;
    public Instant pickupCollectedAt;

    public String receivedBy;
    public Instant receivedAt;
    @Enumerated(EnumType.STRING)
    public Resolution resolution;
    /** Why the refund is partial or none; what a claim is for. */
    public String refundReason;

    /** Gross; set when the refund is requested. */
    public BigDecimal refundRequested;
    public Instant refundRequestedAt;
    public UUID refundId;
    public BigDecimal refundPaid;
    /** When billing paid (RefundPaid): the end of the refund's lead time. */
    public Instant refundPaidAt;
    public Instant closedAt;
    /** How it ended: REFUNDED, PARTIALLY_REFUNDED, NOT_REFUNDED, REPLACED. */
    public String outcome;
    /** The order sales placed to replace the goods, once returns has seen it. */
    public UUID replacementOrderId;

    @Version
    public long version;

    /** A return of goods, waiting for authorization. */
    static ReturnCase request(UUID orderId, UUID customerId, String currency, List<ReturnCaseLine> lines,
            CaseReason reasonCode, String reason, Settlement settlement, LocalDate windowEnds, String by,
            Instant now) {
        ReturnCase returnCase = open(CaseKind.RETURN, orderId, customerId, currency, reasonCode, reason, settlement,
                windowEnds, by, now);
        returnCase.lines.addAll(lines);
        returnCase.persist();
        return returnCase;
    }

    /** A claim without goods for an amount, waiting for authorization. */
    public static ReturnCase claim(UUID orderId, UUID customerId, String currency, CaseReason reasonCode,
            String description, BigDecimal amount, Settlement settlement, LocalDate windowEnds, String by,
            Instant now) {
        ReturnCase claim = open(CaseKind.CLAIM, orderId, customerId, currency, reasonCode, description, settlement,
                windowEnds, by, now);
        claim.claimedAmount = amount;
        claim.persist();
        return claim;
    }

    private static ReturnCase open(CaseKind kind, UUID orderId, UUID customerId, String currency,
            CaseReason reasonCode, String reason, Settlement settlement, LocalDate windowEnds, String by,
            Instant now) {
        ReturnCase returnCase = new ReturnCase();
        returnCase.id = UUID.randomUUID();
        returnCase.kind = kind;
        returnCase.orderId = orderId;
        returnCase.customerId = customerId;
        returnCase.currency = currency;
        returnCase.state = ReturnState.REQUESTED;
        returnCase.reasonCode = reasonCode;
        returnCase.reason = reason;
        returnCase.settlement = settlement;
        returnCase.windowEnds = windowEnds;
        returnCase.requestedBy = by;
        returnCase.requestedAt = now;
        return returnCase;
    }

    /** The case's value, gross: its lines at the agreed prices, or a claim's amount. */
    public BigDecimal value() {
        return kind == CaseKind.CLAIM ? claimedAmount : totals().gross().amount();
    }

    /** The rule could not decide: it waits for a person, who is told why. */
    void awaitDecision(String because) {
        expect(ReturnState.AUTHORIZED, ReturnState.REQUESTED);
        pendingBecause = because;
    }

    /** The goods may come back (a claim: may be refunded); {@code by} is absent when the rule authorized. */
    public void authorize(String by, Instant now) {
        expect(ReturnState.AUTHORIZED, ReturnState.REQUESTED);
        state = ReturnState.AUTHORIZED;
        authorizedBy = by;
        authorizedAt = now;
    }

    /** A person refused the case, saying why. It no longer counts against what can be returned. */
    void reject(String why, String by, Instant now) {
        expect(ReturnState.REJECTED, ReturnState.REQUESTED);
        state = ReturnState.REJECTED;
        rejectionReason = why;
        rejectedBy = by;
        rejectedAt = now;
    }

    /** A carrier collects the goods on that day at that address. */
    void schedulePickup(String carrier, LocalDate date, Address address, String trackingNo, String by, Instant now) {
        expectGoods();
        expect(ReturnState.PICKUP_SCHEDULED, ReturnState.AUTHORIZED);
        state = ReturnState.PICKUP_SCHEDULED;
        pickupCarrier = carrier;
        pickupDate = date;
        pickupStreet = address.street();
        pickupPostalCode = address.postalCode();
        pickupCity = address.city();
        pickupRegion = address.region();
        pickupCountry = address.country();
        pickupTrackingNo = trackingNo;
        pickupScheduledBy = by;
        pickupScheduledAt = now;
    }

    /** The carrier has the goods. */
    void collect(Instant now) {
        expect(ReturnState.IN_TRANSIT, ReturnState.PICKUP_SCHEDULED);
        state = ReturnState.IN_TRANSIT;
        pickupCollectedAt = now;
    }

    /** The goods came back in these conditions (one per line). */
    void receive(Map<Integer, ItemCondition> conditions, String by, Instant now) {
        expectGoods();
        if (!AWAITING_GOODS.contains(state)) {
            throw new IllegalStateException("return " + id + " is " + state + ", cannot become RECEIVED");
        }
        for (ReturnCaseLine line : lines) {
            line.condition = conditions.get(line.lineNo);
        }
        state = ReturnState.RECEIVED;
        receivedBy = by;
        receivedAt = now;
    }

    /**
     * What inspection decided: a full or partial refund is requested (partial with its reason); no refund (with its
     * reason) or a replacement closes the case at once.
     */
    void inspect(Resolution decided, BigDecimal partialAmount, String why, Instant now) {
        expect(ReturnState.RECEIVED, ReturnState.RECEIVED);
        resolution = decided;
        refundReason = why;
        switch (decided) {
            case FULL_REFUND -> requestRefundOf(totals().gross().amount(), now);
            case PARTIAL_REFUND -> requestRefundOf(partialAmount, now);
            case NO_REFUND -> close("NOT_REFUNDED", now);
            case REPLACEMENT -> close("REPLACED", now);
        }
    }

    /** An authorized claim: its amount is asked of billing. */
    void requestClaimRefund(BigDecimal amount, Instant now) {
        if (kind != CaseKind.CLAIM) {
            throw new IllegalStateException("return " + id + " is not a claim");
        }
        expect(ReturnState.REFUND_REQUESTED, ReturnState.AUTHORIZED);
        state = ReturnState.REFUND_REQUESTED;
        requestRefundOf(amount, now);
    }

    private void requestRefundOf(BigDecimal amount, Instant now) {
        refundRequested = amount;
        refundRequestedAt = now;
    }

    /**
     * Billing paid the refund (at {@code paidAt}): the case is over. False when it was closed already (a second
     * RefundPaid).
     */
    boolean closeRefunded(UUID refundId, BigDecimal amount, Instant paidAt, Instant now) {
        if (state == ReturnState.CLOSED) {
            return false;
        }
        if (state != ReturnState.RECEIVED && state != ReturnState.REFUND_REQUESTED) {
            throw new IllegalStateException("return " + id + " is " + state + ", cannot become CLOSED");
        }
        this.refundId = refundId;
        refundPaid = amount;
        refundPaidAt = paidAt;
        close(resolution == Resolution.PARTIAL_REFUND ? "PARTIALLY_REFUNDED" : "REFUNDED", now);
        return true;
    }

    private void close(String how, Instant now) {
        state = ReturnState.CLOSED;
        outcome = how;
        closedAt = now;
    }

    /** Sales placed the order that replaces this case's goods. */
    void linkReplacement(UUID replacementOrder) {
        if (resolution != Resolution.REPLACEMENT || replacementOrderId != null) {
            throw new IllegalStateException("return " + id + " awaits no replacement order");
        }
        replacementOrderId = replacementOrder;
    }

    /** The oldest case of the order that asked for a replacement and has not seen its replacement order yet. */
    static Optional<ReturnCase> awaitingReplacementOrder(UUID orderId) {
        return find("orderId = ?1 and resolution = ?2 and replacementOrderId is null order by receivedAt, id", orderId,
                Resolution.REPLACEMENT).firstResultOptional();
    }

    /** The pickup address, when one is scheduled. */
    public Address pickupAddress() {
        return pickupStreet == null ? null
                : new Address(pickupStreet, pickupPostalCode, pickupCity, pickupRegion, pickupCountry);
    }

    /** Net, tax (once per rate) and gross of the lines at their agreed prices. */
    Amounts.Totals totals() {
        return Amounts.totals(lines.stream().map(ReturnCaseLine::amounts).toList(), currency);
    }

    Money money(BigDecimal amount) {
        return amount == null ? null : new Money(amount, currency);
    }

    /** What each line of the order has in return cases so far; rejected cases do not count. */
    static Map<Integer, BigDecimal> returnedPerLine(UUID orderId) {
        Map<Integer, BigDecimal> returned = new HashMap<>();
        getEntityManager().createQuery("""
                select l.lineNo, sum(l.quantity) from ReturnCase c join c.lines l
                where c.orderId = :order and c.state <> :rejected group by l.lineNo""", Object[].class)
                .setParameter("order", orderId)
                .setParameter("rejected", ReturnState.REJECTED)
                .getResultList()
                .forEach(row -> returned.put((Integer) row[0], (BigDecimal) row[1]));
        return returned;
    }

    /** All refunds requested for the order's cases but {@code except} (empty: all of them), gross. */
    static BigDecimal refundsRequested(UUID orderId, Optional<UUID> except) {
        BigDecimal sum = getEntityManager().createQuery("""
                select sum(c.refundRequested) from ReturnCase c where c.orderId = :order and c.id <> :except""",
                BigDecimal.class)
                .setParameter("order", orderId)
                // No case has the nil UUID: "all but none of them".
                .setParameter("except", except.orElse(new UUID(0, 0)))
                .getSingleResult();
        return sum == null ? BigDecimal.ZERO : sum;
    }

    /** Erasure: the customer's addresses on its cases go; the cases stay. */
    static void forgetPickupAddresses(UUID customerId) {
        update("pickupStreet = null, pickupPostalCode = null, pickupCity = null, pickupRegion = null, "
                + "pickupCountry = null where customerId = ?1 and pickupStreet is not null", customerId);
    }

    private void expectGoods() {
        if (kind != CaseKind.RETURN) {
            throw new IllegalStateException("claim " + id + " has no goods");
        }
    }

    private void expect(ReturnState to, ReturnState from) {
        if (state != from) {
            throw new IllegalStateException("return " + id + " is " + state + ", cannot become " + to);
        }
    }
}
