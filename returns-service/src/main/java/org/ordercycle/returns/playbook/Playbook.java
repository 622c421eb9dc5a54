package org.ordercycle.returns.playbook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ordercycle.events.returns.TicketType;

/** What the company expects a technician to do for one kind of ticket: steps, each with the answer expected. */
@Entity
public class Playbook extends PanacheEntityBase {

    @Id
    @Enumerated(EnumType.STRING)
    public TicketType type;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "playbook_step", joinColumns = @JoinColumn(name = "playbook_type"))
    @OrderColumn(name = "position")
    public List<Step> steps = new ArrayList<>();

    public String updatedBy;

    public Instant updatedAt;

    @Version
    public long version;

    @Embeddable
    public static class Step {
        public int stepNo;
        public String instruction;
        public String expectedAnswer;

        static Step of(int stepNo, String instruction, String expectedAnswer) {
            Step step = new Step();
            step.stepNo = stepNo;
            step.instruction = instruction;
            step.expectedAnswer = expectedAnswer;
            return step;
        }
    }

    /** The playbook of a type; every type has one (a migration seeds them). */
    public static Playbook of(TicketType type) {
        return findById(type);
    }

    /** The steps are replaced as a whole; tickets already open keep the steps they opened with. */
    void revise(List<Step> newSteps, String by, Instant now) {
        steps.clear();
        steps.addAll(newSteps);
        updatedBy = by;
        updatedAt = now;
    }
}
