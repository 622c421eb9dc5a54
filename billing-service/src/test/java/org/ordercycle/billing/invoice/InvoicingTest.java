package org.ordercycle.billing.invoice;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.ordercycle.billing.BillingEvents.api;
import static org.ordercycle.billing.BillingEvents.dec;
import static org.ordercycle.billing.BillingEvents.accepted;
import static org.ordercycle.billing.BillingEvents.acceptedOrder;
import static org.ordercycle.billing.BillingEvents.again;
import static org.ordercycle.billing.BillingEvents.awaitInvoices;
import static org.ordercycle.billing.BillingEvents.count;
import static org.ordercycle.billing.BillingEvents.deadLetterReason;
import static org.ordercycle.billing.BillingEvents.handled;
import static org.ordercycle.billing.BillingEvents.invoicesOf;
import static org.ordercycle.billing.BillingEvents.knownCustomer;
import static org.ordercycle.billing.BillingEvents.line;
import static org.ordercycle.billing.BillingEvents.parked;
import static org.ordercycle.billing.BillingEvents.published;
import static org.ordercycle.billing.BillingEvents.send;
import static org.ordercycle.billing.BillingEvents.shipment;

import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.ordercycle.billing.BillingTestResource;
import org.ordercycle.events.EventCatalog;
import org.ordercycle.events.EventJson;
import org.ordercycle.kit.CloudEventHeaders;
import org.ordercycle.kit.inbox.EventDispatcher;
import org.ordercycle.kit.inbox.EventDispatcher.Delivery;
import org.ordercycle.kit.inbox.IncomingEvent;
import org.ordercycle.events.billing.InvoiceIssued;
import org.ordercycle.events.production.ShipmentDispatched;
import org.ordercycle.events.sales.OrderAmended;
import org.ordercycle.events.sales.OrderCancelled;

@QuarkusTest
@WithTestResource(BillingTestResource.class)
class InvoicingTest {

    @Inject
    InvoiceService invoices;

    @Inject
    EventDispatcher dispatcher;

    @Inject
    io.micrometer.core.instrument.MeterRegistry metrics;

    @Test
    void invoiceUsesShippedQuantityNotOrderedQuantity() {
        UUID customer = knownCustomer(30);
        UUID order = UUID.randomUUID();
        acceptedOrder(accepted(order, customer, line(1, "10", "12.50", "0", "19"), line(2, "3", "8.00", "0", "19")));

        send(shipment(order, customer, 1, "4"));

        JsonPath invoice = awaitInvoices(customer, 1);
        assertThat(invoice.getList("[0].lines.lineNo")).containsExactly(1);
        assertThat(invoice.getObject("[0].lines[0].quantity", BigDecimal.class)).isEqualByComparingTo("4");
        assertThat(invoice.getString("[0].net.amount")).isEqualTo("50.00");
        assertThat(invoice.getString("[0].tax.amount")).isEqualTo("9.50");
        assertThat(invoice.getString("[0].gross.amount")).isEqualTo("59.50");
    }

    @Test
    void invoiceIsAtTheAgreedPriceToTheCentWithTaxRoundedOncePerRate() {
        UUID customer = knownCustomer(14);
        UUID order = UUID.randomUUID();
        acceptedOrder(accepted(order, customer, line(1, "3", "19.99", "5", "19"), line(2, "2", "4.455", "0", "19"),
                line(3, "1", "10.05", "0", "7")));

        send(shipment(order, customer, 1, "3", 2, "2", 3, "1"));

        String id = awaitInvoices(customer, 1).getString("[0].id");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // Line nets 56.97 (3 × 19.99 − 5 %), 8.91, 10.05. Tax at 19 % on 65.88 = 12.52 (per line it would be 12.51).
        api().get("/invoices/" + id).then().statusCode(200)
                .body("number", org.hamcrest.Matchers.matchesPattern("INV-" + today.getYear() + "-\\d{6}"))
                .body("orderId", equalTo(order.toString()))
                .body("lines.net", equalTo(List.of(dec("56.97"), dec("8.91"), dec("10.05"))))
                .body("totalsPerRate.taxRate", equalTo(List.of(dec("7.00"), dec("19.00"))))
                .body("totalsPerRate.tax.amount", equalTo(List.of(dec("0.70"), dec("12.52"))))
                .body("totalsPerRate.net.amount", equalTo(List.of(dec("10.05"), dec("65.88"))))
                .body("net.amount", equalTo(dec("75.93")))
                .body("tax.amount", equalTo(dec("13.22")))
                .body("gross.amount", equalTo(dec("89.15")))
                .body("paid.amount", equalTo(dec("0.00")))
                .body("open.amount", equalTo(dec("89.15")))
                .body("status", equalTo("OPEN"))
                .body("dueDate", equalTo(today.plusDays(14).toString()));

        InvoiceIssued issued = await().atMost(30, SECONDS)
                .until(() -> published("billing.invoices", customer, InvoiceIssued.class), list -> !list.isEmpty())
                .get(0);
        assertThat(issued.invoiceId()).hasToString(id);
        assertThat(issued.orderIds()).containsExactly(order);
        assertThat(issued.gross().amount()).isEqualByComparingTo("89.15");
        assertThat(issued.tax().amount()).isEqualByComparingTo("13.22");
        assertThat(issued.dueDate()).isEqualTo(today.plusDays(14));
        assertThat(issued.format()).isEqualTo("PDF");
    }

    @Test
    void amendmentReplacesTheAgreedLinesAndACancelledOrdersShipmentIsStillInvoiced() {
        UUID customer = knownCustomer(30);
        UUID order = UUID.randomUUID();
        acceptedOrder(accepted(order, customer, line(1, "2", "10.00", "0", "19"), line(2, "1", "5.00", "0", "19")));
        OrderAmended amended = new OrderAmended(UUID.randomUUID(), Instant.now(), order, customer,
                List.of(line(1, "3", "9.00", "10", "19")), "EUR", LocalDate.now().plusDays(9), "cheaper", "sam");
        ShipmentDispatched leftBeforeTheCancellation = shipment(order, customer, 1, "3");

        send(amended, new OrderCancelled(UUID.randomUUID(), Instant.now(), order, "changed mind", "sam"),
                leftBeforeTheCancellation);

        JsonPath invoice = awaitInvoices(customer, 1);
        assertThat(invoice.getList("[0].lines.lineNo")).containsExactly(1);
        assertThat(invoice.getString("[0].lines[0].unitPrice")).isEqualTo("9.0000");
        assertThat(invoice.getString("[0].net.amount")).isEqualTo("24.30");
        ShipmentDispatched lineTheAmendmentDropped = shipment(order, customer, 2, "1");
        send(lineTheAmendmentDropped);
        String reason = await().atMost(60, SECONDS)
                .until(() -> deadLetterReason(lineTheAmendmentDropped.eventId()), r -> r != null);
        assertThat(reason).contains("names line 2, which order " + order + " does not have");
    }

    @Test
    void shipmentBeforeAcceptanceWaitsThenInvoicesOnce() {
        UUID customer = UUID.randomUUID(); // never registered: 30 days to pay
        UUID order = UUID.randomUUID();
        ShipmentDispatched shipment = shipment(order, customer, 1, "2");

        send(shipment);
        await().atMost(30, SECONDS).until(() -> parked(shipment.eventId()));
        assertThat(invoicesOf(customer).getList("$")).isEmpty();

        send(accepted(order, customer, line(1, "2", "100.00", "10", "19")));

        JsonPath invoice = awaitInvoices(customer, 1);
        assertThat(invoice.getString("[0].net.amount")).isEqualTo("180.00");
        assertThat(invoice.getString("[0].dueDate")).isEqualTo(LocalDate.now(ZoneOffset.UTC).plusDays(30).toString());
        assertThat(invoice.getString("[0].shipmentId")).isEqualTo(shipment.shipmentId().toString());
        await().atMost(30, SECONDS).until(() -> !parked(shipment.eventId()));
        assertThat(invoicesOf(customer).getList("$")).hasSize(1);
    }

    @Test
    void sameShipmentTwiceInvoicesOnce() {
        UUID customer = knownCustomer(30);
        UUID order = UUID.randomUUID();
        acceptedOrder(accepted(order, customer, line(1, "5", "10.00", "0", "19")));
        ShipmentDispatched shipment = shipment(order, customer, 1, "2");
        send(shipment);
        awaitInvoices(customer, 1);

        ShipmentDispatched replayed = again(shipment);
        send(replayed);

        await().atMost(30, SECONDS).until(() -> handled(replayed.eventId()));
        assertThat(invoicesOf(customer).getList("$")).hasSize(1);
        // And should two transactions ever get past the check at once, the database refuses the second invoice.
        assertThatThrownBy(() -> count("insert into invoice (id, customer_id, order_id, shipment_id, currency,"
                + " issued_on, due_date, net, tax, gross, paid, status, issued_at) select gen_random_uuid(),"
                + " customer_id, order_id, shipment_id, currency, issued_on, due_date, net, tax, gross, paid, status,"
                + " issued_at from invoice where shipment_id = ?1 returning 1", shipment.shipmentId()))
                .hasStackTraceContaining("invoice_shipment_id_key");
    }

    @Test
    void partialInvoicesNeverAddUpToMoreThanTheOrder() {
        UUID customer = knownCustomer(30);
        UUID order = UUID.randomUUID();
        acceptedOrder(accepted(order, customer, line(1, "5", "10.00", "0", "19")));
        send(shipment(order, customer, 1, "3"), shipment(order, customer, 1, "2"));
        awaitInvoices(customer, 2);

        ShipmentDispatched tooMuch = shipment(order, customer, 1, "1");
        send(tooMuch);

        String reason = await().atMost(60, SECONDS).until(() -> deadLetterReason(tooMuch.eventId()), r -> r != null);
        assertThat(reason).contains("ShipmentRefused").contains("only 5 were ordered and 5 are invoiced already");
        assertThat(invoicesOf(customer).getList("lines.flatten().quantity", BigDecimal.class))
                .usingElementComparator(BigDecimal::compareTo).containsExactly(dec("3"), dec("2"));
    }

    @Test
    void shipmentsOfOneOrderInOnePollSeeEachOtherAndNeverAddUpToMoreThanTheOrder() throws Exception {
        UUID customer = knownCustomer(30);
        UUID order = UUID.randomUUID();
        acceptedOrder(accepted(order, customer, line(1, "5", "10.00", "0", "19")));
        // One poll, one transaction, one batch call: the third ships more than is left after the first two, so the
        // batch fails and the kit applies the three one at a time; each then reads what the one before recorded.
        ShipmentDispatched first = shipment(order, customer, 1, "3");
        ShipmentDispatched second = shipment(order, customer, 1, "2");
        ShipmentDispatched tooMuch = shipment(order, customer, 1, "1");

        List<Delivery> deliveries = dispatcher.deliver(List.of(record(first, 0), record(second, 1), record(tooMuch, 2)));

        assertThat(deliveries).containsExactly(Delivery.HANDLED, Delivery.HANDLED, Delivery.DEAD_LETTERED);
        assertThat(deadLetterReason(tooMuch.eventId())).contains("only 5 were ordered and 5 are invoiced already");
        JsonPath issued = invoicesOf(customer);
        assertThat(issued.getList("lines.flatten().quantity", BigDecimal.class))
                .usingElementComparator(BigDecimal::compareTo).containsExactly(dec("3"), dec("2"));
        assertThat(issued.getList("net.amount", String.class)).containsExactly("30.00", "20.00");
    }

    /**
     * A poll of shipments is invoiced in one batch call: shipments of one order see each other without falling back,
     * the numbers are one consecutive block in the poll's order, each InvoiceIssued carries its own shipment's
     * correlation id and trace, and the poll delivered again changes nothing.
     */
    @Test
    void aPollOfShipmentsIsInvoicedAsOneBatchWithConsecutiveNumbersInPollOrder() throws Exception {
        UUID customer = knownCustomer(30);
        UUID other = knownCustomer(14);
        UUID order = UUID.randomUUID();
        UUID otherOrder = UUID.randomUUID();
        acceptedOrder(accepted(order, customer, line(1, "5", "10.00", "0", "19")));
        acceptedOrder(accepted(otherOrder, other, line(1, "2", "7.00", "0", "19")));
        List<ShipmentDispatched> shipments = List.of(shipment(order, customer, 1, "3"),
                shipment(otherOrder, other, 1, "2"), shipment(order, customer, 1, "2"));
        List<IncomingEvent> poll = new ArrayList<>();
        for (int i = 0; i < shipments.size(); i++) {
            poll.add(record(shipments.get(i), i, traceOf(i)));
        }
        double fallbacksBefore = fallbacks();

        assertThat(dispatcher.deliver(poll)).containsOnly(Delivery.HANDLED);
        assertThat(fallbacks()).as("the batch did not fall back to one event at a time").isEqualTo(fallbacksBefore);

        List<String> numbers = new ArrayList<>();
        for (ShipmentDispatched shipment : shipments) {
            numbers.add((String) single("select n.number from invoice_number n join invoice i on i.id = n.invoice_id where i.shipment_id = ?1", shipment.shipmentId()));
        }
        List<Integer> sequence = numbers.stream().map(number -> Integer.parseInt(number.substring(9))).toList();
        assertThat(sequence).containsExactly(sequence.get(0), sequence.get(0) + 1, sequence.get(0) + 2);
        assertThat(invoicesOf(customer).getList("net.amount", String.class)).containsExactly("30.00", "20.00");
        // Each invoice by its own customer's profile: payment terms 30 and 14 days.
        JsonPath first = invoicesOf(customer);
        JsonPath second = invoicesOf(other);
        assertThat(LocalDate.parse(first.getString("[0].dueDate")))
                .isEqualTo(LocalDate.parse(first.getString("[0].issuedOn")).plusDays(30));
        assertThat(LocalDate.parse(second.getString("[0].dueDate")))
                .isEqualTo(LocalDate.parse(second.getString("[0].issuedOn")).plusDays(14));
        for (int i = 0; i < shipments.size(); i++) {
            ShipmentDispatched shipment = shipments.get(i);
            assertThat(count("select count(*) from kit_outbox where event_type = 'InvoiceIssued' and payload like ?1"
                    + " and correlation_id = ?2 and traceparent = ?3", "%" + shipment.shipmentId() + "%",
                    shipment.orderId().toString(), traceOf(i))).as("InvoiceIssued of shipment " + i).isEqualTo(1);
        }

        assertThat(dispatcher.deliver(poll)).containsOnly(Delivery.DUPLICATE);
        assertThat(invoicesOf(customer).getList("$")).hasSize(2);
        assertThat(invoicesOf(other).getList("$")).hasSize(1);
    }

    /**
     * A batch writes its invoices before it numbers them (the number in its own row, invoice_number); the database
     * refuses to commit an invoice left without one, written so or whose number row was removed or moved.
     */
    @Test
    void anInvoiceWithoutANumberIsNeverCommitted() {
        UUID customer = knownCustomer(30);
        UUID order = UUID.randomUUID();
        acceptedOrder(accepted(order, customer, line(1, "1", "10.00", "0", "19")));
        ShipmentDispatched shipment = shipment(order, customer, 1, "1");
        send(shipment);
        awaitInvoices(customer, 1);
        String number = (String) single("select n.number from invoice_number n join invoice i on i.id = n.invoice_id where i.shipment_id = ?1", shipment.shipmentId());

        assertThatThrownBy(() -> execute("delete from invoice_number n using invoice i"
                + " where i.id = n.invoice_id and i.shipment_id = ?1", shipment.shipmentId()))
                .hasStackTraceContaining("has no number at commit");
        assertThatThrownBy(() -> execute("update invoice_number n set invoice_id = gen_random_uuid() from invoice i"
                + " where i.id = n.invoice_id and i.shipment_id = ?1", shipment.shipmentId()))
                .hasStackTraceContaining("has no number at commit");
        long invoices = count("select count(*) from invoice");
        assertThatThrownBy(() -> execute("insert into invoice (id, customer_id, currency, issued_on, due_date, net,"
                + " tax, gross, paid, status, issued_at) select gen_random_uuid(), customer_id, currency, issued_on,"
                + " due_date, net, tax, gross, paid, status, issued_at from invoice where shipment_id = ?1",
                shipment.shipmentId())).hasStackTraceContaining("has no number at commit");
        assertThat(count("select count(*) from invoice")).isEqualTo(invoices);

        assertThat(single("select n.number from invoice_number n join invoice i on i.id = n.invoice_id where i.shipment_id = ?1", shipment.shipmentId()))
                .isEqualTo(number);
    }

    /** Runs the statement in a transaction of its own, which commits. */
    private static void execute(String sql, Object parameter) {
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> io.quarkus.arc.Arc.container()
                .instance(jakarta.persistence.EntityManager.class).get().createNativeQuery(sql)
                .setParameter(1, parameter).executeUpdate());
    }

    private static String traceOf(int i) {
        return "00-0af7651916cd43dd8448eb211c8031%02d-b7ad6b71692033%02d-01".formatted(i, i);
    }

    private double fallbacks() {
        var counter = metrics.find("ordercycle.events.poll.fallbacks").tag("topic", "production.shipments").counter();
        return counter == null ? 0 : counter.count();
    }

    private static Object single(String sql, Object parameter) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> io.quarkus.arc.Arc.container()
                .instance(jakarta.persistence.EntityManager.class).get().createNativeQuery(sql)
                .setParameter(1, parameter).getSingleResult());
    }

    private static IncomingEvent record(ShipmentDispatched shipment, long offset) throws Exception {
        return record(shipment, offset, null);
    }

    private static IncomingEvent record(ShipmentDispatched shipment, int partition, long offset) throws Exception {
        return record(shipment, partition, offset, null);
    }

    private static IncomingEvent record(ShipmentDispatched shipment, long offset, String traceparent) throws Exception {
        return record(shipment, 0, offset, traceparent);
    }

    private static IncomingEvent record(ShipmentDispatched shipment, int partition, long offset, String traceparent)
            throws Exception {
        return record(shipment, "production.shipments", shipment.orderId(), partition, offset, traceparent);
    }

    private static IncomingEvent record(org.ordercycle.events.Event event, String topic, UUID orderId, int partition,
            long offset, String traceparent) throws Exception {
        String key = orderId.toString();
        java.util.Map<String, String> headers = new java.util.HashMap<>(java.util.Map.of(
                CloudEventHeaders.TYPE, EventCatalog.of(event.getClass()).name(),
                CloudEventHeaders.ID, event.eventId().toString(), CloudEventHeaders.SUBJECT, key,
                CloudEventHeaders.SPEC_VERSION, "1.0"));
        if (traceparent != null) {
            headers.put(CloudEventHeaders.TRACEPARENT, traceparent);
        }
        return new IncomingEvent(topic, partition, offset, key, headers, EventJson.mapper().writeValueAsString(event));
    }

    /**
     * Polls applied at the same time, as the channel's copies (one consumer per group of partitions) apply them: each
     * poll a batch that takes its numbers as one block at its end. Every shipment is invoiced exactly once, the
     * refused one never (its poll falls back to one at a time and rolls back its block); the numbers stay unique and
     * without a gap, every invoice has one, and a poll that went through as one batch has consecutive numbers.
     */
    @Test
    void concurrentPollsTakeUniqueGapFreeNumbersAndInvoiceEveryShipmentOnce() throws Exception {
        int threads = 4;
        int pollsPerThread = 3;
        int perPoll = 8;
        UUID customer = knownCustomer(30);
        UUID other = knownCustomer(14);
        List<List<List<ShipmentDispatched>>> polls = new ArrayList<>();
        List<ShipmentDispatched> refused = new ArrayList<>();
        List<IncomingEvent> acceptances = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<List<ShipmentDispatched>> mine = new ArrayList<>();
            for (int p = 0; p < pollsPerThread; p++) {
                List<ShipmentDispatched> poll = new ArrayList<>();
                for (int i = 0; i < perPoll; i++) {
                    UUID buyer = i % 2 == 0 ? customer : other;
                    UUID order = UUID.randomUUID();
                    acceptances.add(record(accepted(order, buyer, line(1, "2", "4.00", "0", "19")), "sales.orders",
                            order, 0, acceptances.size(), null));
                    poll.add(shipment(order, buyer, 1, "2"));
                    if (p == 1 && i == 3) { // a third unit of an order of two: refused, the poll falls back
                        ShipmentDispatched tooMuch = shipment(order, buyer, 1, "1");
                        poll.add(tooMuch);
                        refused.add(tooMuch);
                    }
                }
                mine.add(poll);
            }
            polls.add(mine);
        }
        assertThat(dispatcher.deliver(acceptances)).containsOnly(Delivery.HANDLED);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int partition = t;
                results.add(pool.submit(() -> {
                    start.await();
                    long offset = 0;
                    for (List<ShipmentDispatched> poll : polls.get(partition)) {
                        List<IncomingEvent> records = new ArrayList<>();
                        for (ShipmentDispatched shipment : poll) {
                            records.add(record(shipment, partition, offset++));
                        }
                        dispatcher.deliver(records);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> result : results) {
                result.get();
            }
        } finally {
            pool.shutdown();
        }

        for (List<List<ShipmentDispatched>> mine : polls) {
            for (List<ShipmentDispatched> poll : mine) {
                List<Integer> sequence = new ArrayList<>();
                for (ShipmentDispatched shipment : poll) {
                    long invoices = count("select count(*) from invoice where shipment_id = ?1", shipment.shipmentId());
                    if (refused.contains(shipment)) {
                        assertThat(invoices).as("the refused shipment").isZero();
                        assertThat(deadLetterReason(shipment.eventId())).contains("only 2 were ordered");
                        continue;
                    }
                    assertThat(invoices).as("invoices of shipment " + shipment.shipmentId()).isEqualTo(1);
                    sequence.add(Integer.parseInt(((String) single("select n.number from invoice_number n join invoice i on i.id = n.invoice_id where i.shipment_id = ?1",
                            shipment.shipmentId())).substring(9)));
                }
                if (poll.stream().noneMatch(refused::contains)) {
                    assertThat(sequence).as("one batch: one block in poll order")
                            .isEqualTo(IntStream.range(0, sequence.size()).map(i -> sequence.get(0) + i).boxed()
                                    .toList());
                }
            }
        }
        int year = LocalDate.now(ZoneOffset.UTC).getYear();
        long issued = count("select count(*) from invoice_number where number like ?1", "INV-" + year + "-%");
        long highest = count("select max(substring(number from 10)::int) from invoice_number where number like ?1",
                "INV-" + year + "-%");
        long distinct = count("select count(distinct number) from invoice_number where number like ?1", "INV-" + year + "-%");
        assertThat(highest).as("highest number = number of invoices: no gap").isEqualTo(issued);
        assertThat(distinct).as("no number twice").isEqualTo(issued);
        assertThat(count("select count(*) from invoice i where not exists (select 1 from invoice_number n where n.invoice_id = i.id)")).as("invoices without a number").isZero();
        assertThat(count("select count(*) from invoice where customer_id in (?1, ?2)", customer, other))
                .isEqualTo((long) threads * pollsPerThread * perPoll);
    }

    @Test
    void numbersStayGapFreeUnderConcurrentShipments() throws Exception {
        UUID customer = knownCustomer(30);
        List<UUID> orders = IntStream.range(0, 6).mapToObj(i -> UUID.randomUUID()).toList();
        orders.forEach(order -> acceptedOrder(accepted(order, customer, line(1, "3", "1.00", "0", "19"))));
        // Four shipments of one unit per order of three: one in four is refused and rolls back, number included.
        List<ShipmentDispatched> shipments = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            orders.forEach(order -> shipments.add(shipment(order, customer, 1, "1")));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> results = new ArrayList<>();
            shipments.forEach(shipment -> results.add(pool.submit(() -> {
                try {
                    invoices.invoiceShipment(shipment);
                } catch (ShipmentRefused expected) {
                    // the fourth unit of an order
                }
            })));
            for (Future<?> result : results) {
                result.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(invoicesOf(customer).getList("$")).hasSize(18);
        assertThat(count("select count(distinct order_id) from invoice where customer_id = ?1 group by customer_id",
                customer)).isEqualTo(6);
        int year = LocalDate.now(ZoneOffset.UTC).getYear();
        long issued = count("select count(*) from invoice_number where number like ?1", "INV-" + year + "-%");
        long highest = count("select max(substring(number from 10)::int) from invoice_number where number like ?1",
                "INV-" + year + "-%");
        long distinct = count("select count(distinct number) from invoice_number where number like ?1", "INV-" + year + "-%");
        assertThat(highest).as("highest number = number of invoices: no gap").isEqualTo(issued);
        assertThat(distinct).isEqualTo(issued);
    }
}
