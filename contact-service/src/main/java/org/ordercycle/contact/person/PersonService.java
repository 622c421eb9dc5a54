package org.ordercycle.contact.person;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ordercycle.contact.ContactConfig;
import org.ordercycle.contact.customer.Classifications;
import org.ordercycle.contact.customer.CustomerEvents;
import org.ordercycle.contact.organization.Organization;
import org.ordercycle.contact.party.ContactMechanism;
import org.ordercycle.contact.party.ContactMechanismView;
import org.ordercycle.contact.party.ContactMechanisms;
import org.ordercycle.contact.party.Parties;
import org.ordercycle.kit.api.ProblemException;

/**
 * Registers persons and their employments. An employment that starts or ends changes the person's classification
 * (an own group's employee is an INTERNAL_EMPLOYEE): a customer is published again when it does.
 */
@ApplicationScoped
@Transactional
public class PersonService {

    private final Clock clock;
    private final ContactConfig.NewCustomer defaults;
    private final Parties parties;
    private final ContactMechanisms mechanisms;
    private final Classifications classifications;
    private final CustomerEvents customers;

    PersonService(Clock clock, ContactConfig config, Parties parties, ContactMechanisms mechanisms,
            Classifications classifications, CustomerEvents customers) {
        this.clock = clock;
        this.defaults = config.newCustomer();
        this.parties = parties;
        this.mechanisms = mechanisms;
        this.classifications = classifications;
        this.customers = customers;
    }

    public PersonView register(PersonRequest request, String registeredBy) {
        Person person = Person.register(request, defaults, clock.instant(), registeredBy);
        parties.refuseDuplicatePerson(person.nameKey,
                request.address() == null ? null : request.address().postalCode());
        List<EmploymentRequest> employments = request.employments() == null ? List.of() : request.employments();
        for (int i = 0; i < employments.size(); i++) {
            requireOrganization("employments[" + i + "].organizationId", employments.get(i).organizationId());
        }
        person.persist();
        mechanisms.addBilling(person.id, request.address(), request.email(), request.phone());
        employments.forEach(employment -> Employment.begin(person.id, employment, clock.instant(), registeredBy).persist());
        person.classifyAs(classifications.of(person));
        customers.publish(person);
        return view(person);
    }

    public PersonView rename(UUID id, PersonNameRequest request) {
        Person person = get(id);
        if (person.isErased()) {
            throw ProblemException.conflict("Erased", "person " + id + " was erased: their name is not kept");
        }
        person.rename(request.firstName(), request.lastName());
        customers.publish(person);
        return view(person);
    }

    public EmploymentView employ(UUID personId, EmploymentRequest request, String by) {
        Person person = get(personId);
        requireOrganization("organizationId", request.organizationId());
        Employment employment = Employment.begin(person.id, request, clock.instant(), by);
        employment.persist();
        classifications.employmentChanged(person);
        return EmploymentView.from(employment, person.displayName(), organizationName(employment.organizationId), today());
    }

    public EmploymentView endEmployment(UUID personId, UUID employmentId, EndRequest request) {
        Person person = get(personId);
        Employment employment = Employment.<Employment>findByIdOptional(employmentId)
                .filter(found -> found.personId.equals(personId))
                .orElseThrow(() -> ProblemException.notFound("employment", employmentId));
        if (employment.validFrom != null && request.validTo().isBefore(employment.validFrom)) {
            throw ProblemException.badRequest("validTo", "must not be before the employment's start " + employment.validFrom);
        }
        employment.end(request.validTo());
        classifications.employmentChanged(person);
        return EmploymentView.from(employment, person.displayName(), organizationName(employment.organizationId), today());
    }

    /** Employments that started or ended lately: the persons are classified again (the scheduled check). */
    public int reclassifyRecentEmployments(int days) {
        List<UUID> persons = classifications.employmentsAround(today(), days);
        persons.forEach(id -> classifications.employmentChanged(Person.findById(id)));
        return persons.size();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PersonView find(UUID id) {
        return view(get(id));
    }

    /** Everybody who works (or worked) for the organization. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<EmploymentView> people(UUID organizationId) {
        Organization organization = Organization.<Organization>findByIdOptional(organizationId)
                .orElseThrow(() -> ProblemException.notFound("organization", organizationId));
        LocalDate today = today();
        return Employment.at(organizationId).stream().map(employment -> EmploymentView.from(employment,
                Person.<Person>findById(employment.personId).displayName(), organization.name, today)).toList();
    }

    private PersonView view(Person person) {
        LocalDate today = today();
        List<EmploymentView> employments = Employment.of(person.id).stream()
                .map(employment -> EmploymentView.from(employment, person.displayName(),
                        organizationName(employment.organizationId), today))
                .toList();
        return new PersonView(person.id, person.firstName, person.lastName, person.roleSet(), person.tier,
                person.classification, person.accountOwner, person.currency, person.paymentTermDays,
                person.discountPercent, employments,
                ContactMechanism.of(person.id).stream().map(ContactMechanismView::from).toList(),
                person.registeredAt, person.registeredBy);
    }

    private static String organizationName(UUID id) {
        return Organization.<Organization>findByIdOptional(id).map(organization -> organization.name).orElse(null);
    }

    private static void requireOrganization(String field, UUID id) {
        if (Organization.findByIdOptional(id).isEmpty()) {
            throw ProblemException.unprocessable("Unknown organization", field + ": organization " + id + " does not exist");
        }
    }

    private LocalDate today() {
        return customers.today();
    }

    private static Person get(UUID id) {
        return Person.<Person>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("person", id));
    }
}
