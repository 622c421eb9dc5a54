package org.ordercycle.kit.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.ordercycle.kit.testing.SecuredApiContract;
import org.ordercycle.testinfra.OrderCycleTestResource;

/** The contract every service's API runs, here on the kit's test resources (with real tokens). */
@QuarkusTest
@WithTestResource(OrderCycleTestResource.class)
@Order(0)
class KitSecurityTest extends SecuredApiContract {

    @Test
    void walksTheDocumentedOperations() {
        List<Operation> operations = operations();
        assertThat(operations).contains(new Operation("post", "/things"), new Operation("get", "/things/{id}"),
                new Operation("get", "/things/boom"));
    }
}
