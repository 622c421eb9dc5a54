package org.ordercycle.returns.tickets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ordercycle.events.returns.ServiceDebriefRecorded;
import org.ordercycle.events.returns.ServiceTicketClosed;
import org.ordercycle.events.returns.ServiceTicketOpened;
import org.ordercycle.kit.api.ProblemException;
import org.ordercycle.kit.outbox.Outbox;
import org.ordercycle.returns.customer.Customer;
import org.ordercycle.returns.order.AgreedOrder;
import org.ordercycle.returns.order.PlacedOrder;
import org.ordercycle.returns.playbook.PlaybookService;
import org.ordercycle.returns.training.TrainingService;

/**
 * The service desk: tickets opened with their SLA and the people who know the customer, assigned only to trained
 * technicians, worked through their playbook with on-site visits, closed with a debrief.
 */
@ApplicationScoped
@Transactional
public class TicketService {

    private final Outbox outbox;
    private final Clock clock;
    private final SlaPolicy sla;
    private final PlaybookService playbooks;
    private final TrainingService trainings;

    TicketService(Outbox outbox, Clock clock, SlaPolicy sla, PlaybookService playbooks, TrainingService trainings) {
        this.outbox = outbox;
        this.clock = clock;
        this.sla = sla;
        this.playbooks = playbooks;
        this.trainings = trainings;
    }

    public TicketView open(TicketRequest request, String by) {
        UUID customerId;
        String salesperson = null;
        if (request.orderId() != null) {
            Optional<PlacedOrder> placed = PlacedOrder.find(request.orderId());
            customerId = placed.map(order -> order.customerId)
                    .or(() -> AgreedOrder.find(request.orderId()).map(order -> order.customerId))
                    .orElseThrow(() -> ProblemException.unprocessable("Unknown order", "order " + request.orderId()
                            + " is not known to returns (yet): neither its placement nor its acceptance reached it"));
            salesperson = placed.map(order -> order.salesperson).orElse(null);
            if (request.customerId() != null && !request.customerId().equals(customerId)) {
                throw ProblemException.unprocessable("Order of another customer", "order " + request.orderId()
                        + " belongs to customer " + customerId + ", not " + request.customerId());
            }
        } else if (request.customerId() != null) {
            customerId = request.customerId();
            if (Customer.find(customerId).isEmpty()) {
                throw ProblemException.unprocessable("Unknown customer", "customer " + customerId
                        + " is not known to returns (yet): contact's registration has not reached it");
            }
        } else {
            throw ProblemException.badRequest("orderId", "a ticket is for an order or a customer: name one");
        }
        String accountOwner = Customer.find(customerId).map(customer -> customer.accountOwner).orElse(null);
        TicketPriority priority = request.priority() == null ? TicketPriority.NORMAL : request.priority();
        Instant now = clock.instant();
        ServiceTicket ticket = ServiceTicket.open(request.type(), priority, customerId, request.orderId(),
                request.subject(), request.description(), accountOwner, salesperson,
                playbooks.stepsFor(request.type()), sla.due(request.type(), priority, now), by, now);
        outbox.publish(new ServiceTicketOpened(UUID.randomUUID(), now, ticket.id, customerId, ticket.orderId,
                ticket.type, accountOwner, ticket.slaDue, salesperson));
        return TicketView.from(ticket, now);
    }

    public TicketView assign(UUID id, TicketCommands.Assign request) {
        ServiceTicket ticket = notClosed(id);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (!trainings.currentFor(request.technician(), ticket.type, today)) {
            throw ProblemException.unprocessable("Technician not trained", request.technician()
                    + " has no training for " + ticket.type + " valid on " + today
                    + ": only a technician trained and current for the ticket's type may take it");
        }
        ticket.assign(request.technician(), now);
        return TicketView.from(ticket, now);
    }

    public TicketView recordVisit(UUID id, TicketCommands.Visit request, String by) {
        ServiceTicket ticket = notClosed(id);
        Instant now = clock.instant();
        ticket.recordVisit(request.technician(), request.date(), request.durationMinutes(), request.note(), by, now);
        return TicketView.from(ticket, now);
    }

    public TicketView recordStep(UUID id, TicketCommands.StepRecord request, String by) {
        if (request.outcome() == StepOutcome.DEPARTED && (request.note() == null || request.note().isBlank())) {
            throw ProblemException.badRequest("note", "a departure from the playbook needs a note saying how and why");
        }
        ServiceTicket ticket = notClosed(id);
        if (ticket.state != TicketState.ASSIGNED) {
            throw ProblemException.conflict("Ticket not assigned", "ticket " + id
                    + " is OPEN: its technician records the steps once it is assigned");
        }
        ServiceTicket.Step step = ticket.step(request.stepNo()).orElseThrow(() -> ProblemException.unprocessable(
                "No such playbook step", "the " + ticket.type + " playbook of ticket " + id + " has no step "
                        + request.stepNo()));
        if (step.outcome != null) {
            throw ProblemException.conflict("Step recorded already", "step " + request.stepNo() + " of ticket " + id
                    + " was recorded as " + step.outcome + " by " + step.recordedBy);
        }
        Instant now = clock.instant();
        ticket.recordStep(step, request.outcome(), request.answer(), request.note(), by, now);
        return TicketView.from(ticket, now);
    }

    public TicketView close(UUID id, TicketCommands.Close request, String by) {
        ServiceTicket ticket = notClosed(id);
        if (ticket.state != TicketState.ASSIGNED) {
            throw ProblemException.conflict("Ticket not assigned", "ticket " + id
                    + " is OPEN: it is closed by the technician it is assigned to");
        }
        Instant now = clock.instant();
        ticket.close(request.resolution(), request.learnings(), by, now);
        outbox.publish(new ServiceTicketClosed(UUID.randomUUID(), now, ticket.id, ticket.customerId, ticket.orderId,
                ticket.type, ticket.accountOwner, ticket.slaDue, ticket.resolution, ticket.salesperson));
        outbox.publish(new ServiceDebriefRecorded(UUID.randomUUID(), now, ticket.id, ticket.customerId,
                ticket.learnings, by));
        return TicketView.from(ticket, now);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<TicketView> find(UUID id) {
        Instant now = clock.instant();
        return ServiceTicket.<ServiceTicket>findByIdOptional(id).map(ticket -> TicketView.from(ticket, now));
    }

    /** A customer's tickets, or those of an account owner or salesperson, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TicketView> list(UUID customerId, String person) {
        Instant now = clock.instant();
        List<ServiceTicket> tickets;
        if (customerId != null) {
            tickets = ServiceTicket.list("customerId = ?1 order by openedAt desc, id", customerId);
        } else {
            tickets = ServiceTicket.list("accountOwner = ?1 or salesperson = ?1 order by openedAt desc, id", person);
        }
        return tickets.stream().filter(ticket -> person == null || person.equals(ticket.accountOwner)
                || person.equals(ticket.salesperson)).map(ticket -> TicketView.from(ticket, now)).toList();
    }

    /** Tickets past their SLA and not closed, most overdue first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TicketView> overdue() {
        Instant now = clock.instant();
        return ServiceTicket.<ServiceTicket>list("state <> ?1 and slaDue < ?2 order by slaDue, id",
                TicketState.CLOSED, now).stream().map(ticket -> TicketView.from(ticket, now)).toList();
    }

    /** The ticket's customer, for a satisfaction rating; empty when no such ticket exists. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UUID> customerOf(UUID id) {
        return ServiceTicket.<ServiceTicket>findByIdOptional(id).map(ticket -> ticket.customerId);
    }

    private static ServiceTicket notClosed(UUID id) {
        ServiceTicket ticket = ServiceTicket.<ServiceTicket>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("ticket", id));
        if (ticket.state == TicketState.CLOSED) {
            throw ProblemException.conflict("Ticket closed", "ticket " + id + " is CLOSED");
        }
        return ticket;
    }
}
