package org.ordercycle.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.ordercycle.events.production.ShipmentDelivered;
import org.ordercycle.events.production.ShipmentDispatched;
import org.ordercycle.events.sales.OrderPlaced;

class EventCatalogTest {

    /** Events must stay in order per key, so the key must be there and print as itself ({@code ce_subject}). */
    @Test
    void everyEventCarriesItsTopicsKeyAsUuidOrString() {
        List<String> problems = new ArrayList<>();
        for (EventType<?> type : EventCatalog.all()) {
            RecordComponent key = component(type, type.keyField());
            if (key == null) {
                problems.add(type.name() + " lacks " + type.keyField());
            } else if (key.getType() != UUID.class && key.getType() != String.class) {
                problems.add(type.name() + "." + key.getName() + " is a " + key.getType().getSimpleName());
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void eventNamesAreUniqueAndTheRecordsSimpleNames() {
        List<String> names = EventCatalog.all().stream().map(EventType::name).toList();
        assertEquals(names.size(), Set.copyOf(names).size(), "duplicate names in " + names);
        for (EventType<?> type : EventCatalog.all()) {
            assertEquals(type.javaType().getSimpleName(), type.name());
        }
    }

    @Test
    void everyEventIsARecordStartingWithEventIdAndOccurredAt() {
        for (EventType<?> type : EventCatalog.all()) {
            assertTrue(type.javaType().isRecord(), type.name() + " is not a record");
            RecordComponent[] components = type.javaType().getRecordComponents();
            assertTrue(components.length >= 2, type.name() + " has no metadata");
            assertEquals("eventId", components[0].getName(), type.name());
            assertEquals(UUID.class, components[0].getType(), type.name());
            assertEquals("occurredAt", components[1].getName(), type.name());
            assertEquals(Instant.class, components[1].getType(), type.name());
        }
    }

    @Test
    void everyEventLivesInThePackageOfItsTopicsDepartment() {
        for (EventType<?> type : EventCatalog.all()) {
            String department = type.topic().topicName().substring(0, type.topic().topicName().indexOf('.'));
            assertEquals("org.ordercycle.events." + department, type.javaType().getPackageName(), type.name());
        }
    }

    @Test
    void everyEventRecordOfTheModuleIsInTheCatalog() throws IOException, URISyntaxException {
        Set<Class<?>> catalogued = EventCatalog.all().stream().map(EventType::javaType).collect(Collectors.toSet());

        Set<Class<?>> missing = eventRecordsInModule().stream()
                .filter(type -> !catalogued.contains(type))
                .collect(Collectors.toSet());

        assertEquals(Set.of(), missing);
    }

    @Test
    void everyTopicCarriesEventsAndEveryEventOneTopic() {
        for (Topic topic : Topic.values()) {
            assertFalse(EventCatalog.on(topic).isEmpty(), topic + " has no events");
        }
        List<EventType<?>> byTopic = Arrays.stream(Topic.values())
                .flatMap(topic -> EventCatalog.on(topic).stream())
                .toList();
        assertEquals(Set.copyOf(EventCatalog.all()), Set.copyOf(byTopic));
        assertEquals(EventCatalog.all().size(), byTopic.size());
    }

    @Test
    void findsTypesByClassNameAndTopic() {
        EventType<OrderPlaced> placed = EventCatalog.of(OrderPlaced.class);
        assertEquals("OrderPlaced", placed.name());
        assertEquals(Topic.SALES_ORDERS, placed.topic());
        assertEquals("orderId", placed.keyField());

        assertSame(placed, EventCatalog.named("OrderPlaced").orElseThrow());
        assertTrue(EventCatalog.named("OrderTeleported").isEmpty());

        assertEquals(List.of(ShipmentDispatched.class, ShipmentDelivered.class),
                EventCatalog.on(Topic.PRODUCTION_SHIPMENTS).stream().map(EventType::javaType).toList());
    }

    @Test
    void aClassOutsideTheCatalogIsRefusedByName() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> EventCatalog.of(Unlisted.class));
        assertTrue(refused.getMessage().contains(Unlisted.class.getName()), refused.getMessage());
    }

    private record Unlisted(UUID eventId, Instant occurredAt) implements Event {
    }

    private static RecordComponent component(EventType<?> type, String name) {
        return Arrays.stream(type.javaType().getRecordComponents())
                .filter(component -> component.getName().equals(name))
                .findFirst()
                .orElse(null);
    }

    /** The event records compiled into this module's main classes, found on disk rather than by the catalog. */
    private static Set<Class<?>> eventRecordsInModule() throws IOException, URISyntaxException {
        Path classes = Path.of(Event.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(classes)) {
            return files.map(file -> classes.relativize(file).toString())
                    .filter(file -> file.endsWith(".class"))
                    .map(file -> file.substring(0, file.length() - ".class".length()).replace(File.separatorChar, '.'))
                    .map(EventCatalogTest::load)
                    .filter(type -> type.isRecord() && Event.class.isAssignableFrom(type))
                    .collect(Collectors.toSet());
        }
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className, false, Event.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
