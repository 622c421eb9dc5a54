package org.ordercycle.billing.profile;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** How one customer wants to be billed, as billing agreed it with the customer. */
@Entity
public class BillingProfile extends PanacheEntityBase {

    @Id
    public UUID customerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "billing_trigger")
    public BillingTrigger trigger;

    @Enumerated(EnumType.STRING)
    public Period period;

    @Enumerated(EnumType.STRING)
    public InvoiceFormat format;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    /** Overrides contact's payment terms when set. */
    public Integer paymentTermDays;

    public boolean poReferenceRequired;

    public String language;

    /** Where EMAIL invoices go; contact's e-mail when absent. */
    public String invoiceEmail;

    public Instant updatedAt;

    public String updatedBy;

    @Version
    public long version;

    static BillingProfile of(UUID customerId) {
        BillingProfile profile = findById(customerId);
        if (profile == null) {
            profile = new BillingProfile();
            profile.customerId = customerId;
        }
        return profile;
    }

    /** The customer's wishes replace the profile as a whole. */
    void agree(BillingTrigger trigger, Period period, InvoiceFormat format, Channel channel, Integer paymentTermDays,
            boolean poReferenceRequired, String language, String invoiceEmail, String by, Instant now) {
        this.trigger = trigger;
        this.period = trigger == BillingTrigger.PERIODIC ? period : null;
        this.format = format;
        this.channel = channel;
        this.paymentTermDays = paymentTermDays;
        this.poReferenceRequired = poReferenceRequired;
        this.language = language;
        this.invoiceEmail = invoiceEmail;
        this.updatedBy = by;
        this.updatedAt = now;
        persist();
    }
}
