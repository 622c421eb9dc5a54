package org.ordercycle.contact.timeline;

import java.time.Instant;
import java.util.UUID;

/**
 * A step to put on a customer's timeline.
 *
 * @param by who acted; absent when the event names no person: then the step's department
 */
record NewEntry(UUID orderId, Step step, Instant occurredAt, String by, String summary) {
}
