package org.ordercycle.contact.timeline;

import jakarta.enterprise.context.ApplicationScoped;
import org.ordercycle.events.sales.QuoteAccepted;
import org.ordercycle.events.sales.QuoteDeclined;
import org.ordercycle.events.sales.QuoteIssued;
import org.ordercycle.kit.inbox.EventHandlers;

/** Sales' quotes on the customer's timeline: issued, accepted, declined. */
@ApplicationScoped
class QuoteEventsHandler implements EventHandlers {

    private final TimelineService timeline;

    QuoteEventsHandler(TimelineService timeline) {
        this.timeline = timeline;
    }

    void on(QuoteIssued event) {
        timeline.add(event.customerId(), event.eventId(), new NewEntry(null, Step.QUOTE_ISSUED, event.occurredAt(), null,
                "Quote issued: %s, valid until %s".formatted(Summaries.money(event.total()), event.validUntil())));
    }

    void on(QuoteAccepted event) {
        timeline.add(event.customerId(), event.eventId(), new NewEntry(null, Step.QUOTE_ACCEPTED, event.occurredAt(),
                null, "Quote accepted: " + Summaries.money(event.total())));
    }

    void on(QuoteDeclined event) {
        timeline.add(event.customerId(), event.eventId(), new NewEntry(null, Step.QUOTE_DECLINED, event.occurredAt(),
                null, "Quote declined: " + Summaries.money(event.total())
                        + (event.reason() == null || event.reason().isBlank() ? "" : " (" + event.reason() + ")")));
    }
}
