package org.ordercycle.events;

import java.math.BigDecimal;

/**
 * An amount in a currency, written as {@code {"amount": "12.50", "currency": "EUR"}} so that no consumer
 * ever reads it through a binary floating point number.
 *
 * @param amount   exact decimal, scale as the producer set it
 * @param currency ISO-4217 code, e.g. {@code EUR}
 */
public record Money(BigDecimal amount, String currency) {
}
