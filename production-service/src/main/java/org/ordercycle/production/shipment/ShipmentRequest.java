package org.ordercycle.production.shipment;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * Goods of an order leave: how much of which lines, with which carrier, and how (from the warehouse, straight from
 * the line, on site). The tracking number may be absent ({@code ON_SITE} deliveries have none).
 */
public record ShipmentRequest(
        @NotEmpty @Size(max = 500) @JsonSetter(contentNulls = Nulls.FAIL) List<@Valid Line> lines,
        @NotBlank @Size(max = 100) String carrier,
        @Size(max = 100) String trackingNo,
        ShipmentMode mode) {

    /** The mode asked for; absent, carrier {@code ON_SITE} means on site and anything else a warehouse. */
    public ShipmentMode modeOrDefault() {
        if (mode != null) {
            return mode;
        }
        return "ON_SITE".equals(carrier) ? ShipmentMode.ON_SITE : ShipmentMode.WAREHOUSE;
    }

    public record Line(
            @NotNull @Positive Integer lineNo,
            @NotNull @Positive @DecimalMax("1000000") @Digits(integer = 7, fraction = 3) BigDecimal quantity) {
    }
}
