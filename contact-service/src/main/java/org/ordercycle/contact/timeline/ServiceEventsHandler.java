package org.ordercycle.contact.timeline;

import jakarta.enterprise.context.ApplicationScoped;
import org.ordercycle.events.returns.SatisfactionRecorded;
import org.ordercycle.events.returns.ServiceDebriefRecorded;
import org.ordercycle.events.returns.ServiceTicketClosed;
import org.ordercycle.events.returns.ServiceTicketOpened;
import org.ordercycle.kit.inbox.EventHandlers;

/** The service desk's tickets, debriefs and satisfaction ratings on the customer's timeline. */
@ApplicationScoped
class ServiceEventsHandler implements EventHandlers {

    private final TimelineService timeline;

    ServiceEventsHandler(TimelineService timeline) {
        this.timeline = timeline;
    }

    void on(ServiceTicketOpened event) {
        timeline.add(event.customerId(), event.eventId(), new NewEntry(event.orderId(), Step.SERVICE_TICKET_OPENED,
                event.occurredAt(), null, "%s ticket opened, due %s".formatted(event.type(), event.slaDue())));
    }

    void on(ServiceTicketClosed event) {
        timeline.add(event.customerId(), event.eventId(), new NewEntry(event.orderId(), Step.SERVICE_TICKET_CLOSED,
                event.occurredAt(), null, "%s ticket closed: %s".formatted(event.type(), event.resolution())));
    }

    void on(ServiceDebriefRecorded event) {
        timeline.add(event.customerId(), event.eventId(), new NewEntry(null, Step.SERVICE_DEBRIEF_RECORDED,
                event.occurredAt(), event.by(), "Service debrief: " + event.learnings()));
    }

    void on(SatisfactionRecorded event) {
        timeline.add(event.customerId(), event.eventId(), new NewEntry(null, Step.SATISFACTION_RECORDED,
                event.occurredAt(), null, "Satisfaction %d/5 about the %s%s".formatted(event.score(),
                        event.aboutKind().name().toLowerCase(java.util.Locale.ROOT),
                        event.comment() == null || event.comment().isBlank() ? "" : ": " + event.comment())));
    }
}
