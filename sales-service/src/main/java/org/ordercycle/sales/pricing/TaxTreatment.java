package org.ordercycle.sales.pricing;

import java.math.BigDecimal;

/**
 * How a customer's lines are taxed: with the price list's (domestic) rate, or at zero under a category that says
 * why. {@code zeroRatedCategory} is null for domestic treatment.
 */
public record TaxTreatment(String zeroRatedCategory, String explanation) {

    public static final String STANDARD = "S";
    public static final String ZERO = "Z";
    public static final String REVERSE_CHARGE = "AE";
    public static final String EXPORT = "G";

    static TaxTreatment domestic(String explanation) {
        return new TaxTreatment(null, explanation);
    }

    /** The line's rate: the price list's domestic rate, or zero. */
    BigDecimal rate(BigDecimal domesticRate) {
        return zeroRatedCategory == null ? domesticRate : BigDecimal.ZERO;
    }

    /** EN 16931 category of a line: S at a domestic rate above zero, Z at a domestic zero rate, else the reason. */
    String category(BigDecimal domesticRate) {
        if (zeroRatedCategory != null) {
            return zeroRatedCategory;
        }
        return domesticRate.signum() > 0 ? STANDARD : ZERO;
    }
}
