package org.ordercycle.sales.order;

import java.time.Instant;

/** One audited decision about an order's acceptance: HELD, RELEASED, QUEUED, ACCEPTED or DECLINED. */
public record DecisionView(String decision, String by, String reason, Integer score, Instant decidedAt) {

    static DecisionView from(OrderDecision decision) {
        return new DecisionView(decision.decision, decision.by, decision.reason, decision.score,
                decision.decidedAt);
    }
}
