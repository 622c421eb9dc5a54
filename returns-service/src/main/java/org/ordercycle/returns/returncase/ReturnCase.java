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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ordercycle.events.Money;
import org.ordercycle.events.returns.ItemCondition;
import org.ordercycle.kit.money.Amounts;

/** A return case (RMA): goods of one order that may come back, and the refund for them. */
@Entity
@Table(name = "return_case")
public class ReturnCase extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID orderId;

    public UUID customerId;

    @Column(columnDefinition = "char(3)")
    public String currency;

    @Enumerated(EnumType.STRING)
    public ReturnState state;

    public String reason;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "return_case_line", joinColumns = @JoinColumn(name = "return_id"))
    @OrderBy("lineNo")
    public List<ReturnCaseLine> lines = new ArrayList<>();

    public String requestedBy;
    public Instant requestedAt;
    public Instant authorizedAt;
    public String receivedBy;
    public Instant receivedAt;
    /** Gross, at the agreed prices; set when the goods are received. */
    public BigDecimal refundRequested;
    public UUID refundId;
    public BigDecimal refundPaid;
    public Instant closedAt;

    @Version
    public long version;

    static ReturnCase request(UUID orderId, UUID customerId, String currency, List<ReturnCaseLine> lines,
            String reason, String by, Instant now) {
        ReturnCase returnCase = new ReturnCase();
        returnCase.id = UUID.randomUUID();
        returnCase.orderId = orderId;
        returnCase.customerId = customerId;
        returnCase.currency = currency;
        returnCase.state = ReturnState.REQUESTED;
        returnCase.lines.addAll(lines);
        returnCase.reason = reason;
        returnCase.requestedBy = by;
        returnCase.requestedAt = now;
        returnCase.persist();
        return returnCase;
    }

    void authorize(Instant now) {
        expect(ReturnState.REQUESTED, ReturnState.AUTHORIZED);
        state = ReturnState.AUTHORIZED;
        authorizedAt = now;
    }

    /** The goods came back in these conditions (one per line); the refund for them is requested. */
    void receive(Map<Integer, ItemCondition> conditions, String by, Instant now) {
        expect(ReturnState.AUTHORIZED, ReturnState.RECEIVED);
        for (ReturnCaseLine line : lines) {
            line.condition = conditions.get(line.lineNo);
        }
        state = ReturnState.RECEIVED;
        receivedBy = by;
        receivedAt = now;
        refundRequested = totals().gross().amount();
    }

    /** Billing paid the refund: the case is over. False when it was closed already (a second RefundPaid). */
    boolean closeRefunded(UUID refundId, BigDecimal amount, Instant now) {
        if (state == ReturnState.CLOSED) {
            return false;
        }
        expect(ReturnState.RECEIVED, ReturnState.CLOSED);
        this.refundId = refundId;
        refundPaid = amount;
        state = ReturnState.CLOSED;
        closedAt = now;
        return true;
    }

    /** Net, tax (once per rate) and gross of the lines at their agreed prices. */
    Amounts.Totals totals() {
        return Amounts.totals(lines.stream().map(ReturnCaseLine::amounts).toList(), currency);
    }

    Money money(BigDecimal amount) {
        return amount == null ? null : new Money(amount, currency);
    }

    /** What each line of the order has in return cases so far (every case counts: none is ever rejected yet). */
    static Map<Integer, BigDecimal> returnedPerLine(UUID orderId) {
        Map<Integer, BigDecimal> returned = new HashMap<>();
        getEntityManager().createQuery("""
                select l.lineNo, sum(l.quantity) from ReturnCase c join c.lines l
                where c.orderId = :order group by l.lineNo""", Object[].class)
                .setParameter("order", orderId)
                .getResultList()
                .forEach(row -> returned.put((Integer) row[0], (BigDecimal) row[1]));
        return returned;
    }

    private void expect(ReturnState from, ReturnState to) {
        if (state != from) {
            throw new IllegalStateException("return " + id + " is " + state + ", cannot become " + to);
        }
    }
}
