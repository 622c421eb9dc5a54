package org.ordercycle.contact.segment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A customer in a segment, with how to reach it.
 *
 * @param lastOrderAt when its last order was placed; absent when it never ordered
 * @param value       the net value of its accepted orders in the period (top customers only)
 * @param email       its preferred (else billing) e-mail; likewise {@code phone} and the postal address
 */
public record SegmentMember(UUID id, String kind, String name, String classification, String tier,
        String accountOwner, Instant lastOrderAt, BigDecimal value, String currency, String email, String phone,
        String street, String postalCode, String city, String country) {
}
