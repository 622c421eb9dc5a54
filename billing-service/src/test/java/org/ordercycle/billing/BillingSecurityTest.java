package org.ordercycle.billing;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.ordercycle.kit.testing.SecuredApiContract;

@QuarkusTest
@WithTestResource(BillingTestResource.class)
class BillingSecurityTest extends SecuredApiContract {
}
