package org.ordercycle.contact.erasure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.ordercycle.contact.party.ContactMechanism;
import org.ordercycle.contact.person.Person;
import org.ordercycle.events.Topic;
import org.ordercycle.events.contact.CustomerErased;
import org.ordercycle.kit.api.ProblemException;
import org.ordercycle.kit.outbox.Outbox;

/**
 * The right to erasure for a person: the name becomes "erased" and every contact mechanism goes; employments,
 * interactions, consents, orders, invoices and the timeline stay (business records, pointing at the bare id). A
 * person published as a customer gets CustomerErased (the other departments drop what they copied), and the outbox
 * scrubs the payloads of the snapshots it sent for them; on the broker, {@code contact.customers} compacts them away
 * within its {@code max.compaction.lag.ms}.
 */
@ApplicationScoped
@Transactional
public class ErasureService {

    /** The events that carried the person's data. */
    static final List<String> SNAPSHOTS = List.of("CustomerRegistered", "CustomerChanged");
    /** What a scrubbed row's payload reads. */
    static final String SCRUBBED = "{\"scrubbed\":\"erased\"}";
    /** Erasures looked at again for snapshots sent since: longer than any outbox backlog lasts. */
    private static final Duration RESCRUB = Duration.ofDays(7);

    private final Outbox outbox;
    private final Clock clock;

    ErasureService(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public ErasureView erase(UUID personId) {
        Person person = Person.<Person>findByIdOptional(personId)
                .orElseThrow(() -> ProblemException.notFound("person", personId));
        if (person.isErased()) {
            return new ErasureView(personId, person.erasedAt, false, scrub(personId));
        }
        ContactMechanism.delete("partyId", personId);
        person.erase(clock.instant());
        boolean published = person.announced;
        if (published) {
            outbox.publish(new CustomerErased(UUID.randomUUID(), clock.instant(), personId));
        }
        return new ErasureView(personId, person.erasedAt, published, scrub(personId));
    }

    /** Scrubs the snapshots of recently erased persons that were sent since their erasure (the scheduled check). */
    public int scrubRecentlyErased() {
        List<Person> erased = Person.list("erasedAt > ?1", clock.instant().minus(RESCRUB));
        return erased.stream().mapToInt(person -> scrub(person.id)).sum();
    }

    private int scrub(UUID personId) {
        return outbox.scrubSent(Topic.CONTACT_CUSTOMERS.topicName(), personId.toString(), SNAPSHOTS, SCRUBBED);
    }
}
