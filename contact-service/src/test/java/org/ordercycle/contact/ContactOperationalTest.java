package org.ordercycle.contact;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.ordercycle.kit.testing.OperationalContract;

@QuarkusTest
@WithTestResource(ContactTestResource.class)
class ContactOperationalTest extends OperationalContract {
}
