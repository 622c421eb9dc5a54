package org.ordercycle.production;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.ordercycle.kit.testing.SecuredApiContract;

@QuarkusTest
@WithTestResource(ProductionTestResource.class)
class ProductionSecurityTest extends SecuredApiContract {
}
