package org.ordercycle.returns.satisfaction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.ordercycle.events.returns.SatisfactionRecorded;
import org.ordercycle.events.returns.SatisfactionRecorded.AboutKind;
import org.ordercycle.kit.api.ProblemException;
import org.ordercycle.kit.outbox.Outbox;
import org.ordercycle.returns.returncase.ReturnService;
import org.ordercycle.returns.tickets.TicketService;

/** Customers' ratings after a return or a ticket, once each, published for the CRM. */
@ApplicationScoped
@Transactional
public class SatisfactionService {

    private final Outbox outbox;
    private final Clock clock;
    private final ReturnService returns;
    private final TicketService tickets;

    SatisfactionService(Outbox outbox, Clock clock, ReturnService returns, TicketService tickets) {
        this.outbox = outbox;
        this.clock = clock;
        this.returns = returns;
        this.tickets = tickets;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Optional<SatisfactionView> find(UUID id) {
        return Satisfaction.<Satisfaction>findByIdOptional(id).map(SatisfactionView::from);
    }

    public SatisfactionView record(SatisfactionRequest request, String by) {
        AboutKind kind = request.aboutKind() == SatisfactionRequest.Subject.RETURN ? AboutKind.RETURN : AboutKind.TICKET;
        UUID customer = (kind == AboutKind.RETURN
                ? returns.find(request.about()).map(found -> found.customerId())
                : tickets.customerOf(request.about()))
                .orElseThrow(() -> ProblemException.unprocessable("Unknown " + kind.name().toLowerCase(),
                        kind.name().toLowerCase() + " " + request.about() + " does not exist"));
        if (Satisfaction.recorded(request.about())) {
            throw ProblemException.conflict("Rated already", "the customer's rating of " + kind.name().toLowerCase()
                    + " " + request.about() + " is recorded already");
        }
        Instant now = clock.instant();
        Satisfaction satisfaction = Satisfaction.record(request.about(), kind, customer, request.score(),
                request.comment(), by, now);
        outbox.publish(new SatisfactionRecorded(UUID.randomUUID(), now, customer, request.about(), kind,
                request.score(), request.comment()));
        return SatisfactionView.from(satisfaction);
    }
}
