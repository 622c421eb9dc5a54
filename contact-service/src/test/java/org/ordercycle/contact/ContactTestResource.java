package org.ordercycle.contact;

import java.util.Map;
import org.ordercycle.testinfra.OrderCycleTestResource;

/** The test servers, with the contact service's own database and user. */
public class ContactTestResource extends OrderCycleTestResource {

    @Override
    public void init(Map<String, String> initArgs) {
        super.init(Map.of("database", "contact"));
    }
}
