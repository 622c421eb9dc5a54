package org.ordercycle.contact.customer;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.ordercycle.contact.condition.ConditionService;
import org.ordercycle.contact.erasure.ErasureService;
import org.ordercycle.contact.person.PersonService;

/**
 * What changes with the date alone: a special condition starts or ends, an employment starts or ends (each finding
 * publishes the customer's snapshot); and snapshots of erased persons sent since their erasure are scrubbed from the
 * outbox. Checked every {@code contact.schedule.interval}.
 */
@ApplicationScoped
class CustomerSchedule {

    private static final Logger LOG = Logger.getLogger(CustomerSchedule.class);

    private final ConditionService conditions;
    private final PersonService persons;
    private final ErasureService erasures;

    CustomerSchedule(ConditionService conditions, PersonService persons, ErasureService erasures) {
        this.conditions = conditions;
        this.persons = persons;
        this.erasures = erasures;
    }

    @Scheduled(every = "${contact.schedule.interval:1m}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        try {
            int published = conditions.publishStartedAndEnded();
            persons.reclassifyRecentEmployments(7);
            erasures.scrubRecentlyErased();
            if (published > 0) {
                LOG.infof("Published %d customers whose special conditions started or ended", published);
            }
        } catch (RuntimeException e) {
            LOG.warn("Checking conditions and employments by date failed; trying again at the next interval", e);
        }
    }
}
