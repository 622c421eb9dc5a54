package org.ordercycle.sales.credit;

import java.util.UUID;
import org.ordercycle.events.Money;

/** A customer's credit position as sales sees it: the limit (absent: none agreed), the open amount, what remains. */
public record CreditView(UUID customerId, Money creditLimit, Money openAmount, Money available) {
}
