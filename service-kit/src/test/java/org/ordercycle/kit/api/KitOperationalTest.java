package org.ordercycle.kit.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Order;
import org.ordercycle.kit.testing.OperationalContract;
import org.ordercycle.testinfra.OrderCycleTestResource;

@QuarkusTest
@WithTestResource(OrderCycleTestResource.class)
@Order(0)
class KitOperationalTest extends OperationalContract {
}
