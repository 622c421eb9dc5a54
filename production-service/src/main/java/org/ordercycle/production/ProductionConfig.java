package org.ordercycle.production;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;

/** How production runs: where stock is kept by default and how often it tells sales about availability. */
@ConfigMapping(prefix = "production")
public interface ProductionConfig {

    Stock stock();

    Availability availability();

    interface Stock {
        /**
         * The warehouse meant by every caller that names none: receipts, acceptances (orders reserve here) and
         * shipments. It must exist ({@code MAIN} is created by the first migration).
         */
        @WithDefault("MAIN")
        String defaultWarehouse();
    }

    interface Availability {
        /**
         * {@code AvailabilityChanged} is published when available-to-promise, lead time or surplus capacity moved
         * by more than this since the last one published for the SKU (0: every change). A product change is always
         * published.
         */
        @WithDefault("0")
        BigDecimal threshold();
    }
}
