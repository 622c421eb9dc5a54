package org.ordercycle.contact.customer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.ordercycle.contact.organization.Organization;
import org.ordercycle.contact.person.Person;
import org.ordercycle.events.contact.Classification;
import org.ordercycle.kit.api.ProblemException;

/**
 * Derives every party's classification: an organization in the own group (marked so itself, or below one that is,
 * however deep) is an INTERNAL_AFFILIATE; a person currently employed by one is an INTERNAL_EMPLOYEE; everybody
 * else is EXTERNAL. When the group structure or an employment changes, the parties concerned are classified again
 * and every customer whose classification changed is published.
 *
 * <p>Joins the caller's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Classifications {

    private final EntityManager entities;
    private final CustomerEvents events;

    Classifications(EntityManager entities, CustomerEvents events) {
        this.entities = entities;
        this.events = events;
    }

    /** INTERNAL_AFFILIATE when the organization or any organization above it is in the own group. */
    public Classification of(Organization organization) {
        Set<UUID> seen = new HashSet<>();
        for (Organization current = organization; current != null && seen.add(current.id);
                current = current.parentId == null ? null : Organization.findById(current.parentId)) {
            if (current.ownGroup) {
                return Classification.INTERNAL_AFFILIATE;
            }
        }
        return Classification.EXTERNAL;
    }

    /** INTERNAL_EMPLOYEE when the person works today for an internal affiliate. */
    public Classification of(Person person) {
        entities.flush(); // the organizations' classifications just derived
        Number internal = (Number) entities.createNativeQuery("""
                select count(*) from employment e join organization o on o.id = e.organization_id
                where e.person_id = ?1 and o.classification = 'INTERNAL_AFFILIATE'
                  and (e.valid_from is null or e.valid_from <= ?2) and (e.valid_to is null or e.valid_to >= ?2)""")
                .setParameter(1, person.id).setParameter(2, events.today()).getSingleResult();
        return internal.longValue() > 0 ? Classification.INTERNAL_EMPLOYEE : Classification.EXTERNAL;
    }

    /** Refuses (422) a parent that is the organization itself or below it: the group structure stays a tree. */
    public void refuseCycle(Organization organization, UUID parentId) {
        if (parentId == null) {
            return;
        }
        Organization parent = Organization.<Organization>findByIdOptional(parentId).orElseThrow(
                () -> ProblemException.unprocessable("Unknown parent", "organization " + parentId + " does not exist"));
        for (Organization current = parent; current != null;
                current = current.parentId == null ? null : Organization.findById(current.parentId)) {
            if (current.id.equals(organization.id)) {
                throw ProblemException.unprocessable("Group cycle", "organization " + parentId + " is "
                        + (parentId.equals(organization.id) ? "the organization itself" : "below " + organization.id));
            }
        }
    }

    /**
     * The group structure changed at {@code top}: it, everything below it and everybody employed there are classified
     * again; customers whose classification changed are published.
     */
    public void groupChanged(Organization top) {
        @SuppressWarnings("unchecked")
        List<UUID> below = entities.createNativeQuery("""
                with recursive tree(id) as (
                    select cast(?1 as uuid)
                    union select o.id from organization o join tree t on o.parent_id = t.id)
                select id from tree""").setParameter(1, top.id).getResultList();
        for (UUID id : below) {
            Organization organization = Organization.findById(id);
            if (organization.classifyAs(of(organization))) {
                events.publish(organization);
            }
        }
        @SuppressWarnings("unchecked")
        List<UUID> employees = entities.createNativeQuery(
                "select distinct person_id from employment where organization_id in (:ids)")
                .setParameter("ids", below).getResultList();
        employees.forEach(id -> employmentChanged(Person.findById(id)));
    }

    /** The person's employments changed (or one started or ended): classified again, published if a customer. */
    public void employmentChanged(Person person) {
        if (person.classifyAs(of(person))) {
            events.publish(person);
        }
    }

    /** Persons whose employment started or ended in the last {@code days} days up to {@code today}. */
    @SuppressWarnings("unchecked")
    public List<UUID> employmentsAround(LocalDate today, int days) {
        LocalDate since = today.minusDays(days);
        return entities.createNativeQuery("""
                select distinct person_id from employment
                where (valid_from > ?1 and valid_from <= ?2) or (valid_to >= ?1 and valid_to < ?2)""")
                .setParameter(1, since).setParameter(2, today).getResultList();
    }
}
