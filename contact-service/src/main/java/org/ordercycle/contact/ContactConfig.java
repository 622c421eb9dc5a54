package org.ordercycle.contact;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;

/** Defaults for the conditions of a newly registered customer, until sales agrees others. */
@ConfigMapping(prefix = "contact")
public interface ContactConfig {

    NewCustomer newCustomer();

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
}
