package org.ordercycle.returns.tickets;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ordercycle.events.returns.TicketType;
import org.ordercycle.returns.playbook.Playbook;

/**
 * A post-sales service ticket for an order or a customer: its SLA, the account owner and salesperson kept in the
 * loop, the technician it is assigned to, its playbook steps as followed, on-site visits, and the debrief.
 */
@Entity
@Table(name = "service_ticket")
public class ServiceTicket extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public TicketType type;

    @Enumerated(EnumType.STRING)
    public TicketPriority priority;

    public UUID customerId;

    /** Absent for a ticket about the customer, not one order. */
    public UUID orderId;

    public String subject;

    public String description;

    @Enumerated(EnumType.STRING)
    public TicketState state;

    public String accountOwner;

    public String salesperson;

    public String openedBy;
    public Instant openedAt;
    public Instant slaDue;

    public String assignee;
    public Instant assignedAt;

    public String closedBy;
    public Instant closedAt;
    public String resolution;
    /** What the technician learnt about the customer's needs. */
    public String learnings;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "service_ticket_step", joinColumns = @JoinColumn(name = "ticket_id"))
    @OrderColumn(name = "position")
    public List<Step> steps = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "service_visit", joinColumns = @JoinColumn(name = "ticket_id"))
    @OrderColumn(name = "position")
    public List<Visit> visits = new ArrayList<>();

    @Version
    public long version;

    /** A playbook step as the ticket opened with it, and how the technician went through it. */
    @Embeddable
    public static class Step {
        public int stepNo;
        public String instruction;
        public String expectedAnswer;
        @Enumerated(EnumType.STRING)
        public StepOutcome outcome;
        public String answer;
        public String note;
        public String recordedBy;
        public Instant recordedAt;
    }

    @Embeddable
    public static class Visit {
        public String technician;
        @Column(name = "visit_date")
        public LocalDate date;
        public int durationMinutes;
        public String note;
        public String recordedBy;
        public Instant recordedAt;
    }

    static ServiceTicket open(TicketType type, TicketPriority priority, UUID customerId, UUID orderId, String subject,
            String description, String accountOwner, String salesperson, List<Playbook.Step> playbook,
            Instant slaDue, String by, Instant now) {
        ServiceTicket ticket = new ServiceTicket();
        ticket.id = UUID.randomUUID();
        ticket.type = type;
        ticket.priority = priority;
        ticket.customerId = customerId;
        ticket.orderId = orderId;
        ticket.subject = subject;
        ticket.description = description;
        ticket.state = TicketState.OPEN;
        ticket.accountOwner = accountOwner;
        ticket.salesperson = salesperson;
        ticket.openedBy = by;
        ticket.openedAt = now;
        ticket.slaDue = slaDue;
        for (Playbook.Step planned : playbook) {
            Step step = new Step();
            step.stepNo = planned.stepNo;
            step.instruction = planned.instruction;
            step.expectedAnswer = planned.expectedAnswer;
            ticket.steps.add(step);
        }
        ticket.persist();
        return ticket;
    }

    /** A technician trained and current for the type takes the ticket (again, if it changes hands). */
    void assign(String technician, Instant now) {
        expectOpen();
        assignee = technician;
        assignedAt = now;
        state = TicketState.ASSIGNED;
    }

    void recordVisit(String technician, LocalDate date, int durationMinutes, String note, String by, Instant now) {
        expectOpen();
        Visit visit = new Visit();
        visit.technician = technician;
        visit.date = date;
        visit.durationMinutes = durationMinutes;
        visit.note = note;
        visit.recordedBy = by;
        visit.recordedAt = now;
        visits.add(visit);
    }

    /** The technician followed a playbook step, or departed from it (the note says how and why). */
    void recordStep(Step step, StepOutcome outcome, String answer, String note, String by, Instant now) {
        expectOpen();
        step.outcome = outcome;
        step.answer = answer;
        step.note = note;
        step.recordedBy = by;
        step.recordedAt = now;
    }

    /** Done: what was done, and what the technician learnt about the customer's needs. */
    void close(String how, String learnt, String by, Instant now) {
        expectOpen();
        state = TicketState.CLOSED;
        resolution = how;
        learnings = learnt;
        closedBy = by;
        closedAt = now;
    }

    Optional<Step> step(int stepNo) {
        return steps.stream().filter(step -> step.stepNo == stepNo).findFirst();
    }

    /** Past its SLA and not closed. */
    boolean overdue(Instant now) {
        return state != TicketState.CLOSED && now.isAfter(slaDue);
    }

    private void expectOpen() {
        if (state == TicketState.CLOSED) {
            throw new IllegalStateException("ticket " + id + " is closed");
        }
    }
}
