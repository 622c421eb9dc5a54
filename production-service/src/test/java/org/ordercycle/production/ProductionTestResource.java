package org.ordercycle.production;

import java.util.Map;
import org.ordercycle.testinfra.OrderCycleTestResource;

/** The test servers, with the production service's own database and user. */
public class ProductionTestResource extends OrderCycleTestResource {

    @Override
    public void init(Map<String, String> initArgs) {
        super.init(Map.of("database", "production"));
    }
}
