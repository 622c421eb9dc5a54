package org.ordercycle.sales.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.Transient;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.contact.Classification;
import org.ordercycle.sales.SalesTestResource;

/**
 * {@link PlacedOrders} writes an order's row, lines and steps by hand: every persistent field must come back through
 * Hibernate as it was set. The sample sets every field (found by reflection), so a field added to the entities and
 * not to the statement fails here.
 */
@QuarkusTest
@WithTestResource(SalesTestResource.class)
class PlacedOrdersTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Inject
    PlacedOrders placedOrders;

    @Test
    void everyFieldOfTheOrderItsLinesAndStepsIsWrittenAsHibernateReadsIt() throws Exception {
        Order order = Order.place(UUID.randomUUID(), "EUR", Classification.EXTERNAL, List.of(line(1), line(2)),
                LocalDate.now(), "sally", Order.Origin.NONE, NOW);
        fill(order, Order.class, "lines");
        order.status = OrderStatus.CANCELLED; // a sample no watchdog or list of open orders picks up
        order.currency = "EUR";
        order.step(UUID.randomUUID(), "ORDER_PLACED", NOW, "sally", "2 lines");
        order.step(UUID.randomUUID(), "ORDER_ACCEPTED", NOW, "sales", "accepted",
                new OrderDecision("ACCEPTED", "selection-policy", "score 80", 80));
        List<TimelineEntry> steps = new ArrayList<>(stepsNotWritten(order));

        QuarkusTransaction.requiringNew().run(() -> placedOrders.insert(order));

        Order read = QuarkusTransaction.requiringNew().call(() -> {
            Order found = Order.findById(order.id);
            found.lines.size();
            return found;
        });
        assertSameFields(read, order, Order.class, "lines");
        assertThat(read.lines).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertSameFields(read.lines.get(i), order.lines.get(i), OrderLine.class);
        }
        List<TimelineEntry> written = QuarkusTransaction.requiringNew()
                .call(() -> TimelineEntry.<TimelineEntry>list("orderId = ?1 order by occurredAt, id", order.id));
        assertThat(written).extracting(entry -> entry.step).containsExactly("ORDER_PLACED", "ORDER_ACCEPTED");
        for (int i = 0; i < steps.size(); i++) {
            assertThat(written.get(i).id).isNotNull();
            assertSameFields(written.get(i), steps.get(i), TimelineEntry.class, "id");
        }
        assertThat(written.get(0).decision).isNull();
        assertThat(written.get(1).score).isEqualTo(80);
    }

    @SuppressWarnings("unchecked")
    private static List<TimelineEntry> stepsNotWritten(Order order) throws Exception {
        Field unsaved = Order.class.getDeclaredField("unsavedSteps");
        unsaved.setAccessible(true);
        return (List<TimelineEntry>) unsaved.get(order);
    }

    private static OrderLine line(int lineNo) throws Exception {
        OrderLine line = new OrderLine();
        fill(line, OrderLine.class);
        line.lineNo = lineNo;
        return line;
    }

    /** Sets every persistent field of the class to a value of its own, different from the type's default. */
    private static void fill(Object target, Class<?> type, String... skipped) throws Exception {
        int n = 0;
        for (Field field : persistent(type, skipped)) {
            n++;
            Class<?> fieldType = field.getType();
            Object value;
            if (fieldType == UUID.class) {
                value = UUID.randomUUID();
            } else if (fieldType == String.class) {
                value = field.getName() + " " + n;
            } else if (fieldType == Instant.class) {
                value = NOW.minusSeconds(n);
            } else if (fieldType == LocalDate.class) {
                value = LocalDate.of(2026, 12, 1).plusDays(n);
            } else if (fieldType == Integer.class || fieldType == int.class) {
                value = n;
            } else if (fieldType == long.class || fieldType == Long.class) {
                value = (long) n;
            } else if (fieldType == BigDecimal.class) {
                value = new BigDecimal(n + ".25");
            } else if (fieldType.isEnum()) {
                Object[] constants = fieldType.getEnumConstants();
                value = constants[constants.length - 1];
            } else {
                throw new AssertionError("no sample for " + type.getSimpleName() + "." + field.getName() + " ("
                        + fieldType.getSimpleName() + "): teach this test the type");
            }
            field.set(target, value);
        }
    }

    private static void assertSameFields(Object actual, Object expected, Class<?> type, String... skipped)
            throws Exception {
        for (Field field : persistent(type, skipped)) {
            Object want = field.get(expected);
            Object got = field.get(actual);
            String name = type.getSimpleName() + "." + field.getName();
            if (want instanceof BigDecimal decimal) {
                assertThat((BigDecimal) got).as(name).isEqualByComparingTo(decimal);
            } else {
                assertThat(got).as(name).isEqualTo(want);
            }
        }
    }

    private static List<Field> persistent(Class<?> type, String... skipped) {
        List<Field> fields = new ArrayList<>();
        for (Field field : type.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()
                    || field.isAnnotationPresent(Transient.class) || List.of(skipped).contains(field.getName())
                    || field.getName().startsWith("$$")) {
                continue;
            }
            field.setAccessible(true);
            fields.add(field);
        }
        return fields;
    }
}
