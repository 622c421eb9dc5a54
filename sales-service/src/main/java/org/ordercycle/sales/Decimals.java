package org.ordercycle.sales;

import java.math.BigDecimal;

/** How sales shows decimals: quantities as the customer wrote them, prices with at least two decimals. */
public final class Decimals {

    private Decimals() {
    }

    /** 4 as 4 whether the client sent 4.0 or the database returns 4.000. */
    public static BigDecimal plain(BigDecimal quantity) {
        if (quantity == null) {
            return null;
        }
        BigDecimal stripped = quantity.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** 12.50 for 12.5 or 12.5000, 0.125 stays 0.125. */
    public static BigDecimal price(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 2 ? stripped.setScale(2) : stripped;
    }
}
