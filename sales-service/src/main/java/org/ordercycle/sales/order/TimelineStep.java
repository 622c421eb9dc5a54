package org.ordercycle.sales.order;

import java.time.Instant;

/**
 * One step of an order's timeline as the API shows it. {@code step} uses the codes contact's customer timeline
 * uses too (ORDER_PLACED … ORDER_CANCELLED); {@code by} is the person who acted, else the department.
 */
public record TimelineStep(String step, Instant occurredAt, String department, String by, String summary) {

    static TimelineStep from(TimelineEntry entry) {
        return new TimelineStep(entry.step, entry.occurredAt, entry.department, entry.by, entry.summary);
    }
}
