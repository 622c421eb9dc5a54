package org.ordercycle.contact.interaction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.ordercycle.contact.organization.Organization;
import org.ordercycle.contact.party.Parties;
import org.ordercycle.contact.person.Person;
import org.ordercycle.contact.timeline.TimelineService;
import org.ordercycle.kit.api.ProblemException;

/** Logs every contact with a customer (on the timelines of the organization and the person too) and lists them. */
@ApplicationScoped
@Transactional
public class InteractionService {

    private final Parties parties;
    private final Clock clock;
    private final TimelineService timeline;

    InteractionService(Parties parties, Clock clock, TimelineService timeline) {
        this.parties = parties;
        this.clock = clock;
        this.timeline = timeline;
    }

    public InteractionView log(InteractionRequest request, String by) {
        if (request.organizationId() != null && Organization.findByIdOptional(request.organizationId()).isEmpty()) {
            throw ProblemException.unprocessable("Unknown organization",
                    "organizationId: organization " + request.organizationId() + " does not exist");
        }
        if (request.personId() != null && Person.findByIdOptional(request.personId()).isEmpty()) {
            throw ProblemException.unprocessable("Unknown person",
                    "personId: person " + request.personId() + " does not exist");
        }
        Interaction interaction = Interaction.log(request, clock.instant(), by);
        interaction.persist();
        timeline.addInteraction(interaction.id, interaction.organizationId, interaction.personId,
                interaction.occurredAt, interaction.recordedBy, summary(interaction));
        return InteractionView.from(interaction);
    }

    /** "Meeting: Framework agreement 2027 — agreed: 3 % more discount" */
    private static String summary(Interaction interaction) {
        String kind = interaction.kind.name().charAt(0) + interaction.kind.name().substring(1).toLowerCase(java.util.Locale.ROOT);
        return kind + ": " + interaction.subject
                + (interaction.agreed == null || interaction.agreed.isBlank() ? "" : " — agreed: " + interaction.agreed);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public InteractionView find(UUID id) {
        return Interaction.<Interaction>findByIdOptional(id).map(InteractionView::from)
                .orElseThrow(() -> ProblemException.notFound("interaction", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<InteractionView> with(UUID partyId) {
        parties.get(partyId);
        return Interaction.with(partyId).stream().map(InteractionView::from).toList();
    }
}
