package org.ordercycle.returns.returncase;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A carrier collects the goods of an authorized return on {@code pickupDate} (today or later) at {@code address}
 * (the customer's billing address when absent) under {@code trackingNo}.
 */
public record PickupRequest(
        @NotBlank @Size(max = 100) String carrier,
        @NotNull LocalDate pickupDate,
        @Valid PickupAddress address,
        @NotBlank @Size(max = 100) String trackingNo) {

    public record PickupAddress(
            @NotBlank @Size(max = 200) String street,
            @Size(max = 20) String postalCode,
            @NotBlank @Size(max = 100) String city,
            @Size(max = 100) String region,
            @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO-3166 alpha-2 code") String country) {
    }
}
