package org.ordercycle.sales.pricing;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Set;
import org.ordercycle.sales.SalesConfig;
import org.ordercycle.sales.customer.CustomerTerms;

/**
 * Which VAT treatment a customer's lines get, from the customer's country (billing address, else the VAT id's
 * prefix) and VAT id:
 * <ul>
 * <li>home country, or no country known: the price list's domestic rate, category S (Z at a zero rate);</li>
 * <li>a business customer (an organization with a VAT id) in another EU member state: reverse charge, AE, rate 0 —
 * the customer accounts for the VAT;</li>
 * <li>a customer outside the EU: export, G, rate 0;</li>
 * <li>a private customer (or one without VAT id) in another EU member state: the home country's rate (distance sales
 * under the OSS rules are not determined here).</li>
 * </ul>
 */
@ApplicationScoped
public class TaxDetermination {

    private final SalesConfig.Tax config;

    TaxDetermination(SalesConfig config) {
        this.config = config.tax();
    }

    public TaxTreatment of(CustomerTerms customer) {
        String home = config.homeCountry().toUpperCase(Locale.ROOT);
        String country = country(customer);
        if (country == null) {
            return TaxTreatment.domestic("domestic VAT (" + home + "): the customer's country is not known");
        }
        if (country.equals(home)) {
            return TaxTreatment.domestic("domestic VAT: customer in " + country);
        }
        Set<String> eu = config.euMemberStates();
        if (!eu.contains(country)) {
            return new TaxTreatment(TaxTreatment.EXPORT, "export outside the EU (" + country + "): VAT 0, category G");
        }
        if (customer.business()) {
            return new TaxTreatment(TaxTreatment.REVERSE_CHARGE, "EU business customer in " + country + " with VAT id "
                    + customer.vatId() + ": reverse charge, VAT 0, category AE");
        }
        return TaxTreatment.domestic("domestic VAT (" + home + "): customer in " + country
                + " without a VAT id as a business");
    }

    private static String country(CustomerTerms customer) {
        if (customer.country() != null && !customer.country().isBlank()) {
            return customer.country().trim().toUpperCase(Locale.ROOT);
        }
        if (customer.vatId() != null && customer.vatId().trim().length() >= 2
                && Character.isLetter(customer.vatId().trim().charAt(0))
                && Character.isLetter(customer.vatId().trim().charAt(1))) {
            String prefix = customer.vatId().trim().substring(0, 2).toUpperCase(Locale.ROOT);
            return "EL".equals(prefix) ? "GR" : prefix;
        }
        return null;
    }
}
