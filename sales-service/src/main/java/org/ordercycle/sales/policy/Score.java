package org.ordercycle.sales.policy;

/**
 * The selection policy's verdict on an order: the weighted score (0–100), each criterion's part, and whether it is
 * high enough to accept without a manager.
 */
public record Score(int total, int tier, int margin, int capacity, int urgency, boolean autoAccept, int threshold) {

    /** E.g. "score 72 (tier 100, margin 100, capacity fit 20, date urgency 70; auto-accept from 40)". */
    public String breakdown() {
        return "score " + total + " (tier " + tier + ", margin " + margin + ", capacity fit " + capacity
                + ", date urgency " + urgency + "; auto-accept from " + threshold + ")";
    }
}
