package org.ordercycle.contact.condition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ordercycle.contact.customer.CustomerEvents;
import org.ordercycle.contact.party.Parties;
import org.ordercycle.contact.party.Party;
import org.ordercycle.kit.api.ProblemException;

/**
 * Special conditions per customer. The snapshot always carries the condition valid today: agreeing or ending one
 * publishes CustomerChanged when that changes, and the scheduled check publishes it when one starts or ends with the
 * date.
 */
@ApplicationScoped
@Transactional
public class ConditionService {

    private final Parties parties;
    private final CustomerEvents customers;
    private final EntityManager entities;
    private final Clock clock;

    ConditionService(Parties parties, CustomerEvents customers, EntityManager entities, Clock clock) {
        this.parties = parties;
        this.customers = customers;
        this.entities = entities;
        this.clock = clock;
    }

    public ConditionView agree(UUID partyId, ConditionRequest request, String by) {
        Party party = parties.get(partyId);
        SpecialCondition condition = SpecialCondition.agree(partyId, request, clock.instant(), by);
        condition.persist();
        customers.publishIfConditionChanged(party);
        return ConditionView.from(condition, customers.today());
    }

    public ConditionView end(UUID partyId, UUID conditionId, LocalDate lastDay) {
        Party party = parties.get(partyId);
        SpecialCondition condition = SpecialCondition.<SpecialCondition>findByIdOptional(conditionId)
                .filter(found -> found.partyId.equals(partyId))
                .orElseThrow(() -> ProblemException.notFound("condition", conditionId));
        if (lastDay.isBefore(condition.validFrom.minusDays(1))) {
            throw ProblemException.badRequest("validTo", "must not be before the day before it starts, "
                    + condition.validFrom.minusDays(1));
        }
        condition.end(lastDay);
        customers.publishIfConditionChanged(party);
        return ConditionView.from(condition, customers.today());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ConditionView> conditions(UUID partyId) {
        parties.get(partyId);
        LocalDate today = customers.today();
        return SpecialCondition.of(partyId).stream().map(condition -> ConditionView.from(condition, today)).toList();
    }

    /**
     * Publishes every customer whose valid condition today is another than its last snapshot's (one started or
     * ended). Returns how many were published.
     */
    public int publishStartedAndEnded() {
        LocalDate today = customers.today();
        @SuppressWarnings("unchecked")
        List<UUID> changed = entities.createNativeQuery("""
                select c.party_id from (select distinct party_id from special_condition) c
                left join organization o on o.id = c.party_id
                left join person p on p.id = c.party_id
                where coalesce(o.applied_condition_id, p.applied_condition_id) is distinct from (
                    select s.id from special_condition s
                    where s.party_id = c.party_id and s.valid_from <= ?1 and (s.valid_to is null or s.valid_to >= ?1)
                    order by s.valid_from desc, s.recorded_at desc limit 1)""")
                .setParameter(1, today).getResultList();
        int published = 0;
        for (UUID id : changed) {
            if (customers.publishIfConditionChanged(parties.get(id))) {
                published++;
            }
        }
        return published;
    }
}
