package org.ordercycle.returns.playbook;

import java.time.Instant;
import java.util.List;
import org.ordercycle.events.returns.TicketType;

public record PlaybookView(TicketType type, List<StepView> steps, String updatedBy, Instant updatedAt) {

    public record StepView(int stepNo, String instruction, String expectedAnswer) {
    }

    static PlaybookView from(Playbook playbook) {
        return new PlaybookView(playbook.type, playbook.steps.stream()
                .map(step -> new StepView(step.stepNo, step.instruction, step.expectedAnswer)).toList(),
                playbook.updatedBy, playbook.updatedAt);
    }
}
