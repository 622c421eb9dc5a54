package org.ordercycle.billing.profile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.ordercycle.billing.BillingConfig;
import org.ordercycle.billing.customer.Customer;
import org.ordercycle.kit.api.ProblemException;

/** Each customer's billing profile: what it agreed, or the defaults with contact's payment terms. */
@ApplicationScoped
@Transactional
public class ProfileService {

    private final BillingConfig config;
    private final Clock clock;

    ProfileService(BillingConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** The profile billing applies to the customer now. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Profile of(UUID customerId) {
        return profile(customerId, BillingProfile.findById(customerId), Customer.findById(customerId));
    }

    /** The profiles billing applies to these customers now, in two queries (profiles, customers). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, Profile> ofAll(Collection<UUID> customerIds) {
        Map<UUID, BillingProfile> agreed = new HashMap<>();
        BillingProfile.<BillingProfile>list("customerId in ?1", customerIds)
                .forEach(profile -> agreed.put(profile.customerId, profile));
        Map<UUID, Customer> customers = new HashMap<>();
        Customer.<Customer>list("id in ?1", customerIds).forEach(customer -> customers.put(customer.id, customer));
        Map<UUID, Profile> profiles = new HashMap<>();
        customerIds.forEach(id -> profiles.put(id, profile(id, agreed.get(id), customers.get(id))));
        return profiles;
    }

    private Profile profile(UUID customerId, BillingProfile agreed, Customer customer) {
        BillingConfig.ProfileDefaults defaults = config.profileDefaults();
        int contactTerms = customer == null || customer.paymentTermDays == null ? defaults.paymentTermDays()
                : customer.paymentTermDays;
        if (agreed == null) {
            return new Profile(customerId, defaults.trigger(),
                    defaults.trigger() == BillingTrigger.PERIODIC ? defaults.period() : null, defaults.format(),
                    defaults.channel(), contactTerms, defaults.poReferenceRequired(), defaults.language(), null, false);
        }
        return new Profile(customerId, agreed.trigger, agreed.period, agreed.format, agreed.channel,
                agreed.paymentTermDays == null ? contactTerms : agreed.paymentTermDays, agreed.poReferenceRequired,
                agreed.language, agreed.invoiceEmail, true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ProfileView find(UUID customerId) {
        requireKnown(customerId);
        return ProfileView.from(of(customerId));
    }

    /** Replaces the customer's profile; what is still to be invoiced is invoiced by the new one. */
    public ProfileView agree(UUID customerId, ProfileRequest request, String by) {
        requireKnown(customerId);
        if (request.channel() == Channel.EMAIL && request.invoiceEmail() == null
                && Customer.<Customer>findByIdOptional(customerId).map(c -> c.email).isEmpty()) {
            throw ProblemException.unprocessable("No e-mail address", "channel EMAIL needs an invoiceEmail: contact "
                    + "knows no e-mail address for customer " + customerId);
        }
        Period period = request.period() != null ? request.period() : config.profileDefaults().period();
        BillingProfile.of(customerId).agree(request.trigger(), period, request.format(), request.channel(),
                request.paymentTermDays(), request.poReferenceRequired(), request.language(), request.invoiceEmail(),
                by, clock.instant());
        return ProfileView.from(of(customerId));
    }

    private static void requireKnown(UUID customerId) {
        if (Customer.findById(customerId) == null) {
            throw ProblemException.notFound("customer", customerId);
        }
    }
}
