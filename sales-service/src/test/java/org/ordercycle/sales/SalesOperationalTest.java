package org.ordercycle.sales;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.ordercycle.kit.testing.OperationalContract;

@QuarkusTest
@WithTestResource(SalesTestResource.class)
class SalesOperationalTest extends OperationalContract {
}
