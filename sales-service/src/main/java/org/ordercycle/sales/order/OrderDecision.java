package org.ordercycle.sales.order;

/**
 * One decision about an order's acceptance — HELD, RELEASED, QUEUED, ACCEPTED, DECLINED — with who made it, why and
 * the score it went by. A transition of the order returns it, and it is written with the timeline step that records
 * the same fact ({@link Order#step(java.util.UUID, String, java.time.Instant, String, String, OrderDecision)}): the
 * audit trail is the timeline's steps that carry a decision, one row for both.
 */
record OrderDecision(String decision, String by, String reason, Integer score) {
}
