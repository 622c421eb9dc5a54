package org.ordercycle.sales;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** How sales prices, selects and watches orders. Every value has a default that keeps the whole cycle running. */
@ConfigMapping(prefix = "sales")
public interface SalesConfig {

    Pricing pricing();

    Tax tax();

    Selection selection();

    Watchdog watchdog();

    Quotes quotes();

    Offers offers();

    interface Pricing {
        /** The price list the /prices resource keeps, and the one a customer's line falls back to. */
        @WithDefault("STANDARD")
        String defaultPriceList();

        /** Discount in percent an own employee gets; the larger of it and the employee's special condition applies. */
        @WithDefault("15")
        BigDecimal employeeDiscountPercent();

        /** Transfer price for a company of the own group: production's unit cost plus this markup in percent. */
        @WithDefault("10")
        BigDecimal affiliateMarkupPercent();
    }

    interface Tax {
        /** ISO-3166 alpha-2 code of the country the company is registered for VAT in. */
        @WithDefault("DE")
        String homeCountry();

        /** The standard domestic rate in percent: a price set without a tax rate gets it. */
        @WithDefault("19")
        BigDecimal domesticRate();

        /** The EU member states (ISO-3166 alpha-2; Greece's VAT ids start with EL, which counts as GR). */
        @WithDefault("AT,BE,BG,CY,CZ,DE,DK,EE,ES,FI,FR,GR,HR,HU,IE,IT,LT,LU,LV,MT,NL,PL,PT,RO,SE,SI,SK")
        Set<String> euMemberStates();
    }

    interface Selection {
        /** Orders scoring at least this (0–100) are accepted automatically; the others wait for a sales manager. */
        @WithDefault("40")
        int autoAcceptThreshold();

        /** Weights of the four criteria; the score is their weighted mean. */
        @WithDefault("1")
        double tierWeight();

        @WithDefault("1")
        double marginWeight();

        @WithDefault("1")
        double capacityWeight();

        @WithDefault("1")
        double urgencyWeight();

        /**
         * Score of each customer tier (0–100), {@code sales.selection.tier-scores.A=100}; a tier not listed scores
         * {@link #otherTierScore()}. The defaults are in application.properties.
         */
        Map<String, Integer> tierScores();

        @WithDefault("50")
        int otherTierScore();

        /** The margin in percent of net that scores 100; no margin scores 0, a negative margin too. */
        @WithDefault("30")
        BigDecimal targetMarginPercent();

        /** Points an order loses per day its promised date lies after the requested one. */
        @WithDefault("10")
        int urgencyPenaltyPerDay();
    }

    interface Watchdog {
        /** How often the watchdog looks for orders that sit too long in one state. */
        @WithDefault("1m")
        String interval();

        /**
         * How long an order may stay in each status, {@code sales.watchdog.limits.ON_HOLD=PT24H}; statuses not listed
         * are not watched. The defaults are in application.properties.
         */
        Map<String, Duration> limits();

        /** Who acts on orders waiting for a manager (held or queued). */
        @WithDefault("sales-manager")
        String managerOwner();
    }

    interface Quotes {
        /** How long a quote may be accepted at its prices. */
        @WithDefault("30")
        int validDays();
    }

    interface Offers {
        /** Discount in percent sales may offer on surplus capacity or excess stock. */
        @WithDefault("10")
        BigDecimal surplusDiscountPercent();

        /** Stock available to promise above this is excess when no forecast for the month says otherwise. */
        @WithDefault("100")
        BigDecimal excessStockAbove();
    }
}
