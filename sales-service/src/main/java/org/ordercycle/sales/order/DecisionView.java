package org.ordercycle.sales.order;

import java.time.Instant;

/** One audited decision about an order's acceptance: HELD, RELEASED, QUEUED, ACCEPTED or DECLINED. */
public record DecisionView(String decision, String by, String reason, Integer score, Instant decidedAt) {

    static DecisionView from(TimelineEntry step) {
        return new DecisionView(step.decision, step.decidedBy, step.decisionReason, step.score, step.occurredAt);
    }
}
