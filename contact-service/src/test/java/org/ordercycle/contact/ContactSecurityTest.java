package org.ordercycle.contact;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.ordercycle.kit.testing.SecuredApiContract;

@QuarkusTest
@WithTestResource(ContactTestResource.class)
class ContactSecurityTest extends SecuredApiContract {
}
