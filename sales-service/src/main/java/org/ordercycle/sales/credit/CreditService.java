package org.ordercycle.sales.credit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;
import org.ordercycle.sales.customer.Customer;

/** Reads customers' credit positions. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CreditService {

    private final CreditCheck check;

    CreditService(CreditCheck check) {
        this.check = check;
    }

    public Optional<CreditView> position(UUID customerId) {
        return Customer.<Customer>findByIdOptional(customerId).map(Customer::terms).map(check::position);
    }
}
