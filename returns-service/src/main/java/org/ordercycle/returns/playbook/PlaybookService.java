package org.ordercycle.returns.playbook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ordercycle.events.returns.TicketType;
import org.ordercycle.kit.api.ProblemException;

/** Playbooks per ticket type: read, revised as a whole. */
@ApplicationScoped
@Transactional
public class PlaybookService {

    private final Clock clock;

    PlaybookService(Clock clock) {
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PlaybookView find(String type) {
        return PlaybookView.from(Playbook.of(typeOf(type)));
    }

    public PlaybookView revise(String type, PlaybookRequest request, String by) {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < request.steps().size(); i++) {
            if (!seen.add(request.steps().get(i).stepNo())) {
                throw ProblemException.badRequest("steps[" + i + "].stepNo",
                        "step " + request.steps().get(i).stepNo() + " is numbered more than once");
            }
        }
        Playbook playbook = Playbook.of(typeOf(type));
        playbook.revise(request.steps().stream()
                .map(step -> Playbook.Step.of(step.stepNo(), step.instruction(), step.expectedAnswer())).toList(),
                by, clock.instant());
        return PlaybookView.from(playbook);
    }

    /** The steps a new ticket of the type follows. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Playbook.Step> stepsFor(TicketType type) {
        return List.copyOf(Playbook.of(type).steps);
    }

    private static TicketType typeOf(String type) {
        try {
            return TicketType.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("playbook", type);
        }
    }
}
