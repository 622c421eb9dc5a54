package org.ordercycle.kit.outbox;

import static io.restassured.RestAssured.given;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.ordercycle.kit.testing.TopicClient.header;
import static org.ordercycle.kit.testing.TopicClient.readAll;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.Event;
import org.ordercycle.events.contact.Classification;
import org.ordercycle.events.sales.OrderLine;
import org.ordercycle.events.sales.OrderPlaced;
import org.ordercycle.kit.KitTestSupport;
import org.ordercycle.kit.CloudEventHeaders;
import org.ordercycle.kit.KafkaClients;
import org.ordercycle.kit.KitConfig;
import org.ordercycle.testinfra.OrderCycleTestResource;

/**
 * The relay under faults: a second relay competing for the lock, a mark that fails after the broker acknowledged,
 * errors thrown at it, rounds that hang. Each fault is real or injected at the database boundary; the broker, the
 * database and the consuming side (the test service's inbox) are the real ones.
 */
@QuarkusTest
@WithTestResource(OrderCycleTestResource.class)
@Order(2)
class OutboxRelayFaultsTest {

    private static final String RELAY_LOGGER = OutboxRelay.class.getName();

    /** Health and metrics are served on the management interface: {@code http://localhost:<management port>/q/}. */
    @TestHTTPResource(management = true)
    URL management;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxMonitor monitor;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    KitConfig config;

    @Inject
    KafkaClients kafka;

    @Test
    void twoRelaysCompetingForTheLockSendEachEventOnceInOrder() {
        List<UUID> orders = IntStream.range(0, 10).mapToObj(i -> UUID.randomUUID()).toList();
        List<OrderPlaced> events = IntStream.range(0, 300).mapToObj(i -> orderPlaced(orders.get(i % orders.size()))).toList();
        SimpleMeterRegistry firstMetrics = new SimpleMeterRegistry();
        SimpleMeterRegistry secondMetrics = new SimpleMeterRegistry();
        OutboxRelay first = new OutboxRelay(dataSource, config, kafka, firstMetrics);
        OutboxRelay second = new OutboxRelay(dataSource, config, kafka, secondMetrics);
        relay.stop();
        try {
            publish(events.subList(0, 150)); // waiting for both relays at once
            first.start();
            second.start();
            for (int i = 150; i < events.size(); i += 10) {
                publish(events.subList(i, i + 10));
                first.wake();
                second.wake();
            }
            await().atMost(60, SECONDS).until(() -> effectsOf(orders) == events.size());
        } finally {
            first.stop();
            second.stop();
            relay.start();
        }

        double sentByFirst = firstMetrics.get("ordercycle.outbox.sent").counter().count();
        double sentBySecond = secondMetrics.get("ordercycle.outbox.sent").counter().count();
        System.out.printf("%nTwo relays competing for the lock: %.0f and %.0f of %d events sent%n%n", sentByFirst,
                sentBySecond, events.size());
        assertThat(sentByFirst + sentBySecond).isEqualTo(events.size());
        Map<String, List<String>> onTopic = topicIdsByKey(orders);
        assertThat(onTopic.values().stream().mapToInt(List::size).sum()).as("records on the topic").isEqualTo(events.size());
        assertThat(onTopic).isEqualTo(publishedIdsByKey(events));
    }

    /**
     * The relay keeps its session and lock from round to round: a second relay never sends while the first works. When
     * the first one's session dies (the server ends it, as on a lost connection) the lock is free again and the
     * events keep flowing, each applied once; when it stops, the second takes over.
     */
    @Test
    void theLeaderKeepsItsLockAcrossRoundsAndItIsTakenOverWhenItsSessionDiesOrItStops() {
        UUID order = UUID.randomUUID();
        SimpleMeterRegistry firstMetrics = new SimpleMeterRegistry();
        SimpleMeterRegistry secondMetrics = new SimpleMeterRegistry();
        OutboxRelay first = new OutboxRelay(dataSource, config, kafka, firstMetrics);
        OutboxRelay second = new OutboxRelay(dataSource, config, kafka, secondMetrics);
        List<OrderPlaced> events = new ArrayList<>();
        relay.stop();
        try {
            first.start();
            await().atMost(30, SECONDS).until(first::isLeader);
            second.start();
            for (int i = 0; i < 5; i++) {
                OrderPlaced event = orderPlaced(order);
                events.add(event);
                publish(List.of(event));
                first.wake();
                second.wake();
                await().atMost(30, SECONDS).until(() -> effectsOf(List.of(order)) == events.size());
            }
            assertThat(secondMetrics.get("ordercycle.outbox.sent").counter().count()).as("sent by the second").isZero();
            assertThat(second.isLeader()).isFalse();

            assertThat(count("select count(pg_terminate_backend(pid)) from pg_locks where locktype = 'advisory' and granted"
                    + " and objsubid = 1 and ((classid::bigint << 32) | objid::bigint) = ?", OutboxRelay.RELAY_LOCK))
                    .as("sessions holding the relay lock").isEqualTo(1);
            OrderPlaced afterTheSessionDied = orderPlaced(order);
            events.add(afterTheSessionDied);
            publish(List.of(afterTheSessionDied));
            first.wake();
            second.wake();
            await().atMost(30, SECONDS).until(() -> effectsOf(List.of(order)) == events.size());
            await().atMost(30, SECONDS).until(() -> first.isLeader() || second.isLeader());

            first.stop();
            OrderPlaced afterTheFirstStopped = orderPlaced(order);
            events.add(afterTheFirstStopped);
            publish(List.of(afterTheFirstStopped));
            second.wake();
            await().atMost(30, SECONDS).until(() -> effectsOf(List.of(order)) == events.size());
            assertThat(second.isLeader()).isTrue();
        } finally {
            first.stop();
            second.stop();
            relay.start();
        }

        for (OrderPlaced event : events) {
            assertThat(count("select count(*) from test_effect where event_id = ?", event.eventId()))
                    .as("applied " + event.eventId()).isEqualTo(1);
        }
        assertThat(topicIdsByKey(List.of(order)).get(order.toString()).stream().distinct().toList())
                .as("the order's events on the topic, in publication order")
                .isEqualTo(publishedIdsByKey(events).get(order.toString()));
    }

    @Test
    void eventAcknowledgedButNotMarkedSentIsSentAgainAndAppliedOnce() {
        UUID order = UUID.randomUUID();
        OrderPlaced event = orderPlaced(order);
        OrderPlaced marker = orderPlaced(order);
        AtomicInteger marksToFail = new AtomicInteger(1);
        AgroalDataSource marksFail = withConnections(dataSource, connection -> failing(connection, sql -> {
            if (sql.equals(OutboxRelay.MARK_SENT) && marksToFail.getAndDecrement() > 0) {
                return new SQLException("injected: connection lost after the broker acknowledged", "08006");
            }
            return null;
        }));
        OutboxRelay faulty = new OutboxRelay(marksFail, config, kafka, new SimpleMeterRegistry());
        relay.stop();
        try {
            publish(List.of(event));
            faulty.start();
            await().atMost(30, SECONDS).until(() -> count("select count(*) from kit_outbox where event_id = ? and sent_at is not null",
                    event.eventId()) == 1);
            // The marker follows on the same partition: once it is applied, so is every copy of the event before it.
            publish(List.of(marker));
            faulty.wake();
            await().atMost(30, SECONDS).until(() -> count("select count(*) from test_effect where event_id = ?",
                    marker.eventId()) == 1);
        } finally {
            faulty.stop();
            relay.start();
        }

        assertThat(marksToFail.get()).as("the mark failed once").isNegative();
        List<ConsumerRecord<String, String>> copies = readAll("sales.orders").stream()
                .filter(record -> event.eventId().toString().equals(header(record, CloudEventHeaders.ID))).toList();
        assertThat(copies).as("copies of the event on the topic").hasSize(2);
        assertThat(count("select count(*) from test_effect where event_id = ?", event.eventId())).as("applied").isEqualTo(1);
    }

    /**
     * Errors thrown into the relay's rounds, a {@code VirtualMachineError} among them: the relay goes on with back-off,
     * logs each kind of failure once and says when it works again.
     */
    @Test
    void relaySurvivesAnyThrowableAndLogsEachKindOfFailureOnce() {
        UUID order = UUID.randomUUID();
        Deque<Throwable> faults = new ArrayDeque<>(List.of(new StackOverflowError("injected"),
                new StackOverflowError("injected"), new NoClassDefFoundError("injected")));
        AgroalDataSource throwing = proxy(AgroalDataSource.class, dataSource, (method, args) -> {
            if (method.getName().equals("getConnection")) {
                Throwable fault = faults.poll();
                if (fault != null) {
                    throw fault;
                }
            }
            return null;
        });
        OutboxRelay faulty = new OutboxRelay(throwing, config, kafka, new SimpleMeterRegistry());
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(RELAY_LOGGER);
        relay.stop();
        logger.addHandler(capture);
        try {
            publish(List.of(orderPlaced(order)));
            faulty.start();
            await().atMost(30, SECONDS).until(() -> effectsOf(List.of(order)) == 1);
            assertThat(faulty.isAlive()).isTrue();
            assertThat(faulty.currentFailure()).isNull();
        } finally {
            logger.removeHandler(capture);
            faulty.stop();
            relay.start();
        }

        assertThat(faults).isEmpty();
        List<String> failures = logged.stream().filter(record -> record.getLevel().intValue() >= Level.WARNING.intValue())
                .map(record -> record.getThrown() == null ? "" : record.getThrown().getClass().getSimpleName())
                .toList();
        assertThat(failures).as("failure lines, one per kind").containsExactly("StackOverflowError", "NoClassDefFoundError");
        assertThat(logged).filteredOn(record -> record.getLevel().intValue() == Level.INFO.intValue())
                .extracting(LogRecord::getMessage).anySatisfy(message -> assertThat(message).contains("works again"));
    }

    /** A round that hangs (here on a table lock) while events wait: the relay's health is DOWN, and UP once it works. */
    @Test
    void relayWithoutASuccessfulRoundWhileEventsWaitIsDown() throws Exception {
        UUID order = UUID.randomUUID();
        relay.stop();
        Properties credentials = new Properties();
        credentials.setProperty("user", config("quarkus.datasource.username"));
        credentials.setProperty("password", config("quarkus.datasource.password"));
        try (Connection locker = new org.postgresql.Driver().connect(config("quarkus.datasource.jdbc.url"), credentials)) {
            publish(List.of(orderPlaced(order)));
            monitor.refresh();
            locker.setAutoCommit(false);
            try (Statement lock = locker.createStatement()) {
                lock.execute("lock table kit_outbox in access exclusive mode");
            }
            relay.start();

            await().atMost(30, SECONDS).untilAsserted(() -> given().get(management + "health/well").then()
                    .statusCode(503)
                    .body("checks.find { it.name == 'outbox-relay' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'outbox-relay' }.data.waitingEvents", greaterThan(0)));
            given().get(management + "health/ready").then().statusCode(200);
            locker.rollback();
        } finally {
            relay.start();
        }

        await().atMost(30, SECONDS).until(() -> effectsOf(List.of(order)) == 1);
        await().atMost(30, SECONDS).untilAsserted(() -> given().get(management + "health/well").then()
                .body("checks.find { it.name == 'outbox-relay' }.status", equalTo("UP")));
    }

    private void publish(List<? extends Event> events) {
        QuarkusTransaction.requiringNew().run(() -> events.forEach(outbox::publish));
    }

    private long effectsOf(List<UUID> orders) {
        return count("select count(*) from test_effect where order_id = any(?)", (Object) orders.toArray(UUID[]::new));
    }

    /** Per order, the ids of its events on the topic in topic order. */
    private static Map<String, List<String>> topicIdsByKey(List<UUID> orders) {
        Set<String> keys = orders.stream().map(UUID::toString).collect(Collectors.toSet());
        return readAll("sales.orders").stream().filter(record -> keys.contains(record.key()))
                .collect(Collectors.groupingBy(ConsumerRecord::key, LinkedHashMap::new,
                        Collectors.mapping(record -> header(record, CloudEventHeaders.ID), Collectors.toList())));
    }

    /** Per order, the ids of its events in publication order. */
    private static Map<String, List<String>> publishedIdsByKey(List<OrderPlaced> events) {
        return events.stream().collect(Collectors.groupingBy(event -> event.orderId().toString(), LinkedHashMap::new,
                Collectors.mapping(event -> event.eventId().toString(), Collectors.toList())));
    }

    private long count(String sql, Object... parameters) {
        return KitTestSupport.count(dataSource, sql, parameters);
    }

    private static String config(String name) {
        return ConfigProvider.getConfig().getValue(name, String.class);
    }

    private static OrderPlaced orderPlaced(UUID orderId) {
        return new OrderPlaced(UUID.randomUUID(), Instant.now(), orderId, UUID.randomUUID(),
                List.of(new OrderLine(1, "SKU-1", BigDecimal.ONE, null, null, null, null)), "EUR", null, Classification.EXTERNAL, "alice",
                null, null);
    }

    /** Decides for one call: throws, answers (non-null), or lets the real object answer (null). */
    private interface Interception {
        Object intercept(java.lang.reflect.Method method, Object[] args) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T real, Interception interception) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            Object answer = interception.intercept(method, args);
            if (answer != null) {
                return answer;
            }
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    /** The data source whose connections are wrapped as given. */
    private static AgroalDataSource withConnections(AgroalDataSource real,
            java.util.function.UnaryOperator<Connection> wrap) {
        return proxy(AgroalDataSource.class, real, (method, args) -> method.getName().equals("getConnection")
                ? wrap.apply((Connection) method.invoke(real, args)) : null);
    }

    /** A connection that fails to prepare the statements for which {@code failure} returns an exception. */
    private static Connection failing(Connection real, java.util.function.Function<String, SQLException> failure) {
        return proxy(Connection.class, real, (method, args) -> {
            if (method.getName().equals("prepareStatement") && args != null && args[0] instanceof String sql) {
                SQLException fault = failure.apply(sql);
                if (fault != null) {
                    throw fault;
                }
            }
            return null;
        });
    }
}
