package org.ordercycle.returns.claims;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.ordercycle.events.returns.ReturnRequested;
import org.ordercycle.kit.api.ProblemException;
import org.ordercycle.kit.outbox.Outbox;
import org.ordercycle.returns.order.AgreedOrder;
import org.ordercycle.returns.order.Shipment;
import org.ordercycle.returns.returncase.AuthorizationPolicy;
import org.ordercycle.returns.returncase.CaseReason;
import org.ordercycle.returns.returncase.ReturnCase;
import org.ordercycle.returns.returncase.ReturnService;
import org.ordercycle.returns.returncase.ReturnView;
import org.ordercycle.returns.returncase.Settlement;

/**
 * Claims without goods: the same decision as a return (window from delivery, or from acceptance when nothing was
 * shipped; automatic value), no pickup or receipt; once authorized, billing is asked for the amount, capped at what
 * it invoiced for the order minus refunds already requested.
 */
@ApplicationScoped
@Transactional
public class ClaimService {

    private final Outbox outbox;
    private final Clock clock;
    private final AuthorizationPolicy policy;
    private final ReturnService returns;

    ClaimService(Outbox outbox, Clock clock, AuthorizationPolicy policy, ReturnService returns) {
        this.outbox = outbox;
        this.clock = clock;
        this.policy = policy;
        this.returns = returns;
    }

    public ReturnView claim(ClaimRequest request, String by) {
        // Locked like a return: two claims of one order are capped one after the other.
        AgreedOrder order = AgreedOrder.lockForReturn(request.orderId())
                .orElseThrow(() -> ProblemException.unprocessable("Unknown order", "order " + request.orderId()
                        + " is not known to returns (yet): its acceptance has not reached returns"));
        BigDecimal cap = returns.claimCap(order);
        if (request.amount().compareTo(cap) > 0) {
            throw ProblemException.unprocessable("Claim above what was invoiced", "a claim of "
                    + request.amount().toPlainString() + " " + order.currency + " exceeds the "
                    + cap.toPlainString() + " " + order.currency + " of order " + order.id
                    + " that can still be refunded (invoiced gross minus refunds already requested)");
        }
        Instant now = clock.instant();
        CaseReason reason = request.type().reason();
        LocalDate from = LocalDate.ofInstant(Shipment.lastHandedOver(order.id).orElse(order.agreedAt), ZoneOffset.UTC);
        ReturnCase claim = ReturnCase.claim(order.id, order.customerId, order.currency, reason,
                request.description(), request.amount(), request.settlement() == null ? Settlement.REFUND
                        : request.settlement(), policy.windowEnds(reason, from), by, now);
        outbox.publish(new ReturnRequested(UUID.randomUUID(), now, claim.id, order.id, order.customerId, List.of(),
                reason + ": " + request.description(), by));
        returns.decide(claim, now);
        return returns.view(claim);
    }
}
