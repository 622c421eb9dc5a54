package org.ordercycle.sales.credit;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Optional;
import org.ordercycle.events.Money;
import org.ordercycle.sales.Decimals;
import org.ordercycle.sales.customer.CustomerTerms;

/**
 * Whether a new order would take the customer over its credit limit: open amount (billing's invoices less payments
 * and credit notes) plus the order's gross above the limit from contact's conditions. No limit agreed: never.
 * A limit in another currency than the order's cannot be compared: the order is held for a manager to judge.
 */
@ApplicationScoped
public class CreditCheck {

    /** The reason to hold the order, empty when the credit suffices. */
    public Optional<String> exceeded(CustomerTerms customer, Money orderGross) {
        if (customer.creditLimit() == null) {
            return Optional.empty();
        }
        if (!orderGross.currency().equals(customer.creditLimitCurrency())) {
            return Optional.of("credit limit " + amount(customer.creditLimit(), customer.creditLimitCurrency())
                    + " is in another currency than the order (" + orderGross.currency() + ")");
        }
        BigDecimal open = CustomerBalance.openAmountOf(customer.id());
        BigDecimal exposure = open.add(orderGross.amount());
        if (exposure.compareTo(customer.creditLimit()) <= 0) {
            return Optional.empty();
        }
        return Optional.of("credit limit exceeded: open " + amount(open, orderGross.currency()) + " + this order "
                + amount(orderGross.amount(), orderGross.currency()) + " = " + amount(exposure, orderGross.currency())
                + " > limit " + amount(customer.creditLimit(), customer.creditLimitCurrency()));
    }

    /** The customer's credit position: limit (null when none), open amount and what remains. */
    public CreditView position(CustomerTerms customer) {
        BigDecimal open = CustomerBalance.openAmountOf(customer.id());
        String currency = customer.creditLimitCurrency() != null ? customer.creditLimitCurrency() : customer.currency();
        Money limit = customer.creditLimit() == null ? null
                : new Money(Decimals.price(customer.creditLimit()), customer.creditLimitCurrency());
        Money available = customer.creditLimit() == null ? null
                : new Money(Decimals.price(customer.creditLimit().subtract(open)), currency);
        return new CreditView(customer.id(), limit, new Money(Decimals.price(open), currency), available);
    }

    private static String amount(BigDecimal amount, String currency) {
        return Decimals.price(amount).toPlainString() + " " + currency;
    }
}
