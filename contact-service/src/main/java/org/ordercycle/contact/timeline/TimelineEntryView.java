package org.ordercycle.contact.timeline;

import java.time.Instant;
import java.util.UUID;

/**
 * One step of the customer timeline.
 *
 * @param step       the cycle's step code, e.g. {@code INVOICE_ISSUED} (the codes of sales' order timeline)
 * @param department the department that reported it
 * @param by         who acted: the person where the event names one, else the department
 */
public record TimelineEntryView(UUID orderId, String step, Instant occurredAt, String department, String by,
        String summary) {

    static TimelineEntryView from(TimelineEntry entry) {
        return new TimelineEntryView(entry.orderId, entry.step, entry.occurredAt, entry.department, entry.by,
                entry.summary);
    }
}
