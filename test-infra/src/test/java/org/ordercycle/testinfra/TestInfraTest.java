package org.ordercycle.testinfra;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestInfraTest {

    @Test
    void returnsTheSameServersTwice() {
        assertSame(TestInfra.postgres(), TestInfra.postgres());
        assertSame(TestInfra.kafka(), TestInfra.kafka());
        assertEquals(TestInfra.kafka().bootstrapServers(), System.getProperty("ordercycle.test-infra.kafka.bootstrap-servers"));
    }

    @Test
    void closingTheSharedServersLeavesThemRunning() {
        TestInfra.postgres().close();
        TestInfra.kafka().close();
        assertTrue(TestInfra.postgres().isRunning());
        assertTrue(TestInfra.kafka().isRunning());
    }

    /** As under Quarkus: a second copy of the library, in another class loader, must reach the same servers. */
    @Test
    void aCopyInAnotherClassLoaderControlsTheSameServers() throws Exception {
        KafkaBroker kafka = TestInfra.kafka();
        Postgres postgres = TestInfra.postgres();

        try (URLClassLoader isolated = new URLClassLoader(testClasspathUrls(), ClassLoader.getPlatformClassLoader())) {
            Class<?> otherTestInfra = isolated.loadClass(TestInfra.class.getName());
            assertNotSame(TestInfra.class, otherTestInfra);
            Object otherKafka = call(otherTestInfra, null, "kafka");
            Object otherPostgres = call(otherTestInfra, null, "postgres");
            assertEquals(kafka.bootstrapServers(), call(otherKafka.getClass(), otherKafka, "bootstrapServers"));
            assertEquals(postgres.port(), call(otherPostgres.getClass(), otherPostgres, "port"));

            call(otherKafka.getClass(), otherKafka, "stop");
            assertFalse(kafka.isRunning(), "stopped through the other copy");
            kafka.start();
            assertEquals(true, call(otherKafka.getClass(), otherKafka, "isRunning"), "started through this copy");

            call(otherPostgres.getClass(), otherPostgres, "stop");
            assertFalse(postgres.isRunning(), "stopped through the other copy");
            postgres.start();
            assertEquals(true, call(otherPostgres.getClass(), otherPostgres, "isRunning"));
        }
    }

    @Test
    void quarkusTestResourceCreatesTheDatabaseAndReturnsTheConfig() throws Exception {
        OrderCycleTestResource resource = new OrderCycleTestResource();
        resource.init(Map.of("database", "billing"));
        Map<String, String> config = resource.start();
        resource.stop();

        assertEquals(TestInfra.postgres().jdbcUrl("billing"), config.get("quarkus.datasource.jdbc.url"));
        assertEquals("billing", config.get("quarkus.datasource.username"));
        assertEquals(TestInfra.kafka().bootstrapServers(), config.get("kafka.bootstrap.servers"));
        assertEquals("false", config.get("quarkus.devservices.enabled"));
        assertEquals("billing", TestSupport.queryOne(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"), "SELECT current_database()"));
        assertTrue(TestInfra.postgres().isRunning(), "stop() leaves the servers running");

        // Flyway migrates as the owner; the service runs as a user that may only touch rows.
        assertEquals("billing_owner", config.get("quarkus.flyway.username"));
        String url = config.get("quarkus.datasource.jdbc.url");
        TestSupport.execute(url, "billing_owner", config.get("quarkus.flyway.password"), "CREATE TABLE invoice (id int)");
        TestSupport.execute(url, "billing", config.get("quarkus.datasource.password"), "INSERT INTO invoice VALUES (1)");
        assertEquals("42501", TestSupport.sqlStateOf(() -> TestSupport.execute(url, "billing",
                config.get("quarkus.datasource.password"), "CREATE TABLE mine (id int)")));

        // One broker: topics with one replica; management on any free port in tests.
        assertEquals("1", config.get("ordercycle.kit.topics.replication-factor"));
        assertEquals("0", config.get("quarkus.management.test-port"));
    }

    private static URL[] testClasspathUrls() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : TestSupport.testClasspath()) {
            urls.add(Path.of(entry).toUri().toURL());
        }
        return urls.toArray(new URL[0]);
    }

    private static Object call(Class<?> type, Object target, String method) throws Exception {
        Method m = type.getMethod(method);
        return m.invoke(target);
    }
}
