package org.ordercycle.contact.party;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.ordercycle.events.contact.Classification;
import org.ordercycle.events.contact.CustomerKind;

/**
 * What organizations and persons have in common: roles, the customer's tier, classification, account owner,
 * currency and base conditions. Both share one id space: contact mechanisms, conditions, consents and interactions
 * name a party by its id whatever its kind.
 */
@MappedSuperclass
public abstract class Party extends PanacheEntityBase {

    @Id
    public UUID id;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] roles;

    @Enumerated(EnumType.STRING)
    public Tier tier;

    /** Derived from the group structure and the employments; the value the last snapshot carried. */
    @Enumerated(EnumType.STRING)
    public Classification classification;

    public String accountOwner;

    public String currency;

    public int paymentTermDays;

    public BigDecimal discountPercent;

    /** Normalized name (lower case, punctuation as spaces): duplicates and search compare it. */
    public String nameKey;

    /** The special condition the last published snapshot carried; null when none was valid. */
    public UUID appliedConditionId;

    /** Whether CustomerRegistered went out for it. */
    public boolean announced;

    public Instant registeredAt;

    public String registeredBy;

    @Version
    public long version;

    public abstract CustomerKind kind();

    public abstract String displayName();

    /** Whether the party's personal data was erased: nothing about it is published any more. */
    public boolean isErased() {
        return false;
    }

    public Set<PartyRole> roleSet() {
        Set<PartyRole> set = EnumSet.noneOf(PartyRole.class);
        Arrays.stream(roles).map(PartyRole::valueOf).forEach(set::add);
        return set;
    }

    public boolean isCustomer() {
        return roleSet().contains(PartyRole.CUSTOMER);
    }

    /** The roles the party has from now on (the caller checks there is at least one). */
    public void assignRoles(Set<PartyRole> newRoles) {
        roles = newRoles.stream().sorted().map(Enum::name).toArray(String[]::new);
    }

    public void assignTier(Tier newTier) {
        tier = newTier;
    }

    public void assignAccountOwner(String owner) {
        accountOwner = owner == null || owner.isBlank() ? null : owner.strip();
    }

    /** The classification derived now; true when it differs from the one known so far. */
    public boolean classifyAs(Classification derived) {
        boolean changed = classification != derived;
        classification = derived;
        return changed;
    }

    /** The snapshot about to be published carries this condition (null: none). */
    public void applyCondition(UUID conditionId) {
        appliedConditionId = conditionId;
    }

    /** CustomerRegistered is being published for it. */
    public void announce() {
        announced = true;
    }

    /** Lower case, without accents, every run of other characters than letters and digits one space. */
    public static String normalize(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    protected void initialize(Set<PartyRole> initialRoles, Tier initialTier, String owner, String initialCurrency,
            int terms, BigDecimal discount, Instant at, String by) {
        id = UUID.randomUUID();
        assignRoles(initialRoles == null || initialRoles.isEmpty() ? EnumSet.of(PartyRole.CUSTOMER) : initialRoles);
        tier = initialTier == null ? Tier.C : initialTier;
        classification = Classification.EXTERNAL;
        assignAccountOwner(owner);
        currency = initialCurrency;
        paymentTermDays = terms;
        discountPercent = discount;
        registeredAt = at;
        registeredBy = by;
        announced = false;
    }
}
