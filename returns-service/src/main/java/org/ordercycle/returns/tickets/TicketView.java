package org.ordercycle.returns.tickets;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ordercycle.events.returns.TicketType;

/** A ticket as the service desk, the account owner and the salesperson see it. */
public record TicketView(UUID id, TicketType type, TicketPriority priority, TicketState state, UUID customerId,
        UUID orderId, String subject, String description, String accountOwner, String salesperson, String openedBy,
        Instant openedAt, Instant slaDue, boolean overdue, String assignee, Instant assignedAt,
        List<StepView> playbook, List<VisitView> visits, String closedBy, Instant closedAt, String resolution,
        String learnings) {

    public record StepView(int stepNo, String instruction, String expectedAnswer, StepOutcome outcome, String answer,
            String note, String recordedBy, Instant recordedAt) {
    }

    public record VisitView(String technician, LocalDate date, int durationMinutes, String note) {
    }

    static TicketView from(ServiceTicket ticket, Instant now) {
        return new TicketView(ticket.id, ticket.type, ticket.priority, ticket.state, ticket.customerId,
                ticket.orderId, ticket.subject, ticket.description, ticket.accountOwner, ticket.salesperson,
                ticket.openedBy, ticket.openedAt, ticket.slaDue, ticket.overdue(now), ticket.assignee,
                ticket.assignedAt,
                ticket.steps.stream().map(step -> new StepView(step.stepNo, step.instruction, step.expectedAnswer,
                        step.outcome, step.answer, step.note, step.recordedBy, step.recordedAt)).toList(),
                ticket.visits.stream().map(visit -> new VisitView(visit.technician, visit.date,
                        visit.durationMinutes, visit.note)).toList(),
                ticket.closedBy, ticket.closedAt, ticket.resolution, ticket.learnings);
    }
}
