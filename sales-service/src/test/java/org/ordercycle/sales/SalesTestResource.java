package org.ordercycle.sales;

import java.util.Map;
import org.ordercycle.testinfra.OrderCycleTestResource;

/** The test servers, with the sales service's own database and user. */
public class SalesTestResource extends OrderCycleTestResource {

    @Override
    public void init(Map<String, String> initArgs) {
        super.init(Map.of("database", "sales"));
    }
}
