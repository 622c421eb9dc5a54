package org.ordercycle.billing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import org.ordercycle.billing.profile.BillingTrigger;
import org.ordercycle.billing.profile.Channel;
import org.ordercycle.billing.profile.InvoiceFormat;
import org.ordercycle.billing.profile.Period;

/** The company's own legal data, the billing profile every customer starts with, and the dunning levels. */
@ConfigMapping(prefix = "billing")
public interface BillingConfig {

    Company company();

    ProfileDefaults profileDefaults();

    Dunning dunning();

    Run run();

    Delivery delivery();

    /** E-mail invoices are sent this often (a duration, e.g. {@code 5s}). */
    interface Delivery {
        String interval();
    }

    /** The billing run (periodic invoices, invoices on delivery); {@code off} disables the schedule. */
    interface Run {
        String cron();
    }

    /** The seller as printed on every invoice and required by EN 16931 (BT-27 … BT-43, BR-CO-26, BR-DE-2). */
    interface Company {
        String legalName();

        String street();

        String postalCode();

        String city();

        /** ISO-3166-1 alpha-2. */
        String country();

        /** The company's VAT identification number, e.g. {@code DE123456789}. */
        String vatId();

        /** The tax number at the local tax office. */
        String taxNumber();

        String iban();

        String bic();

        String contactName();

        String contactPhone();

        String contactEmail();

        /** The zone whose calendar decides the invoice date and so the numbering year. */
        ZoneId timeZone();
    }

    /** How a customer is billed until billing sets its profile; payment terms come from contact's conditions. */
    interface ProfileDefaults {
        @WithDefault("PER_SHIPMENT")
        BillingTrigger trigger();

        /** The period of a PERIODIC profile set without one. */
        @WithDefault("MONTHLY")
        Period period();

        @WithDefault("PDF")
        InvoiceFormat format();

        @WithDefault("PORTAL")
        Channel channel();

        @WithDefault("false")
        boolean poReferenceRequired();

        @WithDefault("en")
        String language();

        /** Days to pay when contact sent no conditions. */
        @WithDefault("30")
        int paymentTermDays();
    }

    interface Dunning {
        /** When the dunning run looks for overdue invoices; {@code off} disables the schedule. */
        String cron();

        /** The levels in the order they are issued: reminder, first notice, second notice. */
        List<Level> levels();

        interface Level {
            String name();

            /** Issued once the invoice is this many days past its due date (and the level before was issued). */
            int daysAfterDue();

            /** Charged with the notice. */
            BigDecimal fee();

            /** Yearly interest on the open amount for the days overdue, in percent; 0 for none. */
            @WithDefault("0")
            BigDecimal interestPercent();
        }

        /** Not dunned unless the open amount is at least this much. */
        @WithDefault("0.01")
        BigDecimal minimumOpen();

    }
}
