package org.ordercycle.contact;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;

/** Defaults for new customers, duplicate rules, the switchboard's phone numbers. */
@ConfigMapping(prefix = "contact")
public interface ContactConfig {

    NewCustomer newCustomer();

    Duplicates duplicates();

    Switchboard switchboard();

    Schedule schedule();

    Search search();

    /** Search by name, tolerant to typos and case (pg_trgm word similarity of the query to the normalized name). */
    interface Search {
        /**
         * How similar (0 to 1) the query must be to some part of the name (pg_trgm word similarity; also
         * {@code pg_trgm.word_similarity_threshold} for the transaction of a search that needs the whole-query step).
         * Lower finds more typos and more noise.
         */
        @WithDefault("0.5")
        double similarity();

        /**
         * How many names each step of a search ranks at most (more when the page asked for ends further down): of
         * the names holding the query's words, the first by name; of the whole query's matches, the first found. A
         * word thousands of names hold then costs what this many do.
         */
        @WithDefault("300")
        int candidates();
    }

    /** Defaults for the conditions of a newly registered customer, until sales agrees others. */
    interface NewCustomer {
        /** ISO-4217 code the customer is invoiced in unless the registration says otherwise. */
        @WithDefault("EUR")
        String currency();

        @WithDefault("30")
        int paymentTermDays();

        @WithDefault("0")
        BigDecimal discountPercent();

        @WithDefault("STANDARD")
        String priceList();
    }

    /** When a registration is a duplicate of a known party (answered 409 with the existing party). */
    interface Duplicates {
        /**
         * A second organization with a VAT id an organization already has. On by default; a company whose
         * group shares one VAT id (a VAT group) switches it off.
         */
        @WithDefault("true")
        boolean rejectSameVatId();

        /** A second party with the same normalized name and the same postal code. */
        @WithDefault("true")
        boolean rejectSameNameAndPostalCode();
    }

    /** The check for what changes with the date alone (a special condition or an employment starting or ending). */
    interface Schedule {
        /** How often it runs (read by the scheduler from this property). */
        @WithDefault("1m")
        java.time.Duration interval();
    }

    interface Switchboard {
        /** Country calling code a national number (one leading 0) is taken to be in. */
        @WithDefault("49")
        String defaultCountryCode();
    }
}
