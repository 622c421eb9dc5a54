package org.ordercycle.returns;

import java.util.Map;
import org.ordercycle.testinfra.OrderCycleTestResource;

/** The test servers, with the returns service's own database and user. */
public class ReturnsTestResource extends OrderCycleTestResource {

    @Override
    public void init(Map<String, String> initArgs) {
        super.init(Map.of("database", "returns"));
    }
}
