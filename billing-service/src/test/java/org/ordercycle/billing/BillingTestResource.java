package org.ordercycle.billing;

import java.util.Map;
import org.ordercycle.testinfra.OrderCycleTestResource;

/** The test servers, with the billing service's own database and user. */
public class BillingTestResource extends OrderCycleTestResource {

    @Override
    public void init(Map<String, String> initArgs) {
        super.init(Map.of("database", "billing"));
    }
}
