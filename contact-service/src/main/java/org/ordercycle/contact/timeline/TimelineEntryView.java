package org.ordercycle.contact.timeline;

import java.time.Instant;
import java.util.UUID;

public record TimelineEntryView(Instant occurredAt, String kind, UUID orderId, String summary) {

    static TimelineEntryView from(TimelineEntry entry) {
        return new TimelineEntryView(entry.occurredAt, entry.kind, entry.orderId, entry.summary);
    }
}
