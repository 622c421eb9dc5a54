package org.ordercycle.returns;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.ordercycle.kit.testing.SecuredApiContract;

@QuarkusTest
@WithTestResource(ReturnsTestResource.class)
class ReturnsSecurityTest extends SecuredApiContract {
}
