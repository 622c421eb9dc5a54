package org.ordercycle.systemtests;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.ordercycle.launcher.Department;
import org.ordercycle.launcher.Suite;
import org.ordercycle.systemtests.FaultLoad.Run;
import org.ordercycle.systemtests.FaultLoad.Step;

/**
 * The invariants of the cycle after the load has settled, read from the five databases over JDBC, read-only (no API
 * shows most of these figures across orders). Each check is one row of a table: what was counted, the figure, the
 * number of violations, and up to a few examples. {@link #violations()} lists the rows that failed.
 */
final class CycleInvariants {

    /** One row of the table. */
    record Check(String what, long counted, long violations, List<String> examples) {
    }

    private final Suite suite;
    private final List<Run> runs;
    private final List<UUID> customers;
    private final List<String> skus;
    private final Map<String, Integer> received;
    private final Instant since;
    private final List<Check> checks = new ArrayList<>();

    CycleInvariants(Suite suite, List<Run> runs, List<UUID> customers, List<String> skus,
            Map<String, Integer> received, Instant since) {
        this.suite = suite;
        this.runs = runs;
        this.customers = customers;
        this.skus = skus;
        this.received = received;
        this.since = since;
    }

    List<Check> checks() {
        return checks;
    }

    List<Check> violations() {
        return checks.stream().filter(check -> check.violations() > 0).toList();
    }

    /** The table, one check per line. */
    String table() {
        StringBuilder table = new StringBuilder(String.format("%-84s %8s %10s%n", "invariant", "counted", "violations"));
        for (Check check : checks) {
            table.append(String.format("%-84s %8d %10d%s%n", check.what(), check.counted(), check.violations(),
                    check.violations() == 0 ? "" : "   e.g. " + String.join("; ", check.examples())));
        }
        return table.toString();
    }

    /** Every check, against the databases as they are now. */
    void checkAll() throws SQLException {
        Map<UUID, Run> byOrder = new HashMap<>();
        for (Run run : runs) {
            if (run.orderId != null) {
                byOrder.put(run.orderId, run);
            }
        }
        List<UUID> orderIds = new ArrayList<>(byOrder.keySet());

        // --- sales ---
        Map<UUID, String> salesStatus = new HashMap<>();
        Map<String, BigDecimal[]> agreed = new HashMap<>(); // order/line -> quantity, unit price, discount, tax rate
        Map<UUID, Map<String, Integer>> salesSteps = new HashMap<>();
        long salesOrdersOfCustomers;
        try (Connection sales = connect(Department.SALES)) {
            salesOrdersOfCustomers = count(sales, "select count(*) from sales_order where customer_id = any(?)",
                    customers);
            query(sales, "select id, status from sales_order where id = any(?)", orderIds,
                    row -> salesStatus.put(uuid(row, 1), row.getString(2)));
            query(sales, "select order_id, line_no, quantity, unit_price, discount_percent, tax_rate"
                    + " from sales_order_line where order_id = any(?)", orderIds,
                    row -> agreed.put(row.getString(1) + "/" + row.getInt(2), new BigDecimal[] {
                            row.getBigDecimal(3), row.getBigDecimal(4), row.getBigDecimal(5), row.getBigDecimal(6)}));
            query(sales, "select order_id, step, count(*) from order_timeline where order_id = any(?) group by 1, 2",
                    orderIds, row -> salesSteps.computeIfAbsent(uuid(row, 1), k -> new TreeMap<>())
                            .put(row.getString(2), row.getInt(3)));
        }

        // --- production ---
        Map<UUID, String> productionStatus = new HashMap<>();
        Map<String, BigDecimal[]> productionLines = new HashMap<>(); // quantity, reserved, backordered, shipped
        Map<UUID, UUID> shipmentOrder = new HashMap<>();
        Map<String, BigDecimal> shipped = new HashMap<>(); // shipment/line -> quantity
        Map<String, Long> reservations = new HashMap<>(); // order/line -> RESERVATION movements
        Map<String, BigDecimal> reservedByLedger = new HashMap<>();
        List<String> stockViolations = new ArrayList<>();
        List<String> ledgerViolations = new ArrayList<>();
        List<String> expectedStockViolations = new ArrayList<>();
        Map<String, BigDecimal> shippedPerSku = new HashMap<>();
        try (Connection production = connect(Department.PRODUCTION)) {
            query(production, "select id, status from production_order where id = any(?)", orderIds,
                    row -> productionStatus.put(uuid(row, 1), row.getString(2)));
            query(production, "select order_id, line_no, quantity, reserved, backordered, shipped"
                    + " from production_order_line where order_id = any(?)", orderIds,
                    row -> productionLines.put(row.getString(1) + "/" + row.getInt(2), new BigDecimal[] {
                            row.getBigDecimal(3), row.getBigDecimal(4), row.getBigDecimal(5), row.getBigDecimal(6)}));
            query(production, "select s.id, s.order_id, l.line_no, l.sku, l.quantity from shipment s"
                    + " join shipment_line l on l.shipment_id = s.id where s.order_id = any(?)", orderIds, row -> {
                        shipmentOrder.put(uuid(row, 1), uuid(row, 2));
                        shipped.put(row.getString(1) + "/" + row.getInt(3), row.getBigDecimal(5));
                        shippedPerSku.merge(row.getString(4), row.getBigDecimal(5), BigDecimal::add);
                    });
            query(production, "select order_id, line_no, count(*), sum(reserved_change) from stock_movement"
                    + " where order_id = any(?) and kind = 'RESERVATION' group by 1, 2", orderIds, row -> {
                        reservations.put(row.getString(1) + "/" + row.getInt(2), row.getLong(3));
                        reservedByLedger.put(row.getString(1) + "/" + row.getInt(2), row.getBigDecimal(4));
                    });
            Map<String, BigDecimal[]> ledger = new HashMap<>();
            query(production, "select sku || '@' || warehouse, sum(on_hand_change), sum(reserved_change)"
                    + " from stock_movement where sku = any(?) group by 1", skus,
                    row -> ledger.put(row.getString(1), new BigDecimal[] {row.getBigDecimal(2), row.getBigDecimal(3)}));
            Map<String, BigDecimal> onHandPerSku = new HashMap<>();
            query(production, "select sku || '@' || warehouse, on_hand, reserved, sku from stock where sku = any(?)",
                    skus, row -> {
                        String key = row.getString(1);
                        BigDecimal onHand = row.getBigDecimal(2);
                        BigDecimal reserved = row.getBigDecimal(3);
                        onHandPerSku.merge(row.getString(4), onHand, BigDecimal::add);
                        if (onHand.signum() < 0 || reserved.signum() < 0 || reserved.compareTo(onHand) > 0) {
                            stockViolations.add(key + " on hand " + onHand + ", reserved " + reserved);
                        }
                        BigDecimal[] sums = ledger.getOrDefault(key, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                        if (sums[0].compareTo(onHand) != 0 || sums[1].compareTo(reserved) != 0) {
                            ledgerViolations.add(key + " stock " + onHand + "/" + reserved + " but ledger " + sums[0]
                                    + "/" + sums[1]);
                        }
                    });
            // What is on hand is what came in, less what left, plus what came back resellable (one unit per return).
            Map<String, Integer> returnedPerSku = new HashMap<>();
            for (Run run : runs) {
                if (run.returned && run.step == Step.DONE) {
                    returnedPerSku.merge(run.lines.get(0).sku(), 1, Integer::sum);
                }
            }
            for (String sku : skus) {
                BigDecimal expected = BigDecimal.valueOf(received.getOrDefault(sku, 0))
                        .subtract(shippedPerSku.getOrDefault(sku, BigDecimal.ZERO))
                        .add(BigDecimal.valueOf(returnedPerSku.getOrDefault(sku, 0)));
                BigDecimal actual = onHandPerSku.getOrDefault(sku, BigDecimal.ZERO);
                if (expected.compareTo(actual) != 0) {
                    expectedStockViolations.add(sku + " on hand " + actual + ", expected " + expected);
                }
            }
        }

        // --- billing ---
        Map<UUID, List<UUID>> invoicesPerShipment = new HashMap<>();
        Map<UUID, BigDecimal[]> invoiceTotals = new HashMap<>(); // net, tax, gross, paid
        Map<UUID, String> invoiceStatus = new HashMap<>();
        Map<UUID, UUID> invoiceShipment = new HashMap<>();
        Map<UUID, UUID> invoiceOrder = new HashMap<>();
        Map<UUID, List<Object[]>> invoiceLines = new HashMap<>();
        Map<UUID, long[]> creditNotes = new HashMap<>(); // return -> count
        Map<UUID, BigDecimal> creditNoteAmount = new HashMap<>();
        Map<UUID, long[]> refunds = new HashMap<>();
        Map<UUID, BigDecimal> refundAmount = new HashMap<>();
        long payments;
        try (Connection billing = connect(Department.BILLING)) {
            query(billing, "select id, shipment_id, order_id, net, tax, gross, paid, status from invoice"
                    + " where customer_id = any(?)", customers, row -> {
                        UUID invoice = uuid(row, 1);
                        UUID shipment = uuid(row, 2);
                        invoicesPerShipment.computeIfAbsent(shipment, k -> new ArrayList<>()).add(invoice);
                        invoiceShipment.put(invoice, shipment);
                        invoiceOrder.put(invoice, uuid(row, 3));
                        invoiceTotals.put(invoice, new BigDecimal[] {row.getBigDecimal(4), row.getBigDecimal(5),
                                row.getBigDecimal(6), row.getBigDecimal(7)});
                        invoiceStatus.put(invoice, row.getString(8));
                    });
            query(billing, "select l.invoice_id, l.line_no, l.quantity, l.unit_price, l.discount_percent, l.tax_rate,"
                    + " l.net from invoice_line l join invoice i on i.id = l.invoice_id where i.customer_id = any(?)",
                    customers, row -> invoiceLines.computeIfAbsent(uuid(row, 1), k -> new ArrayList<>()).add(
                            new Object[] {row.getInt(2), row.getBigDecimal(3), row.getBigDecimal(4),
                                    row.getBigDecimal(5), row.getBigDecimal(6), row.getBigDecimal(7)}));
            query(billing, "select return_id, count(*), sum(amount) from credit_note where customer_id = any(?)"
                    + " group by 1", customers, row -> {
                        creditNotes.put(uuid(row, 1), new long[] {row.getLong(2)});
                        creditNoteAmount.put(uuid(row, 1), row.getBigDecimal(3));
                    });
            query(billing, "select return_id, count(*), sum(amount) from refund where customer_id = any(?) group by 1",
                    customers, row -> {
                        refunds.put(uuid(row, 1), new long[] {row.getLong(2)});
                        refundAmount.put(uuid(row, 1), row.getBigDecimal(3));
                    });
            payments = count(billing, "select count(*) from payment where customer_id = any(?)", customers);
        }

        // --- returns ---
        Map<UUID, Object[]> returnCases = new HashMap<>(); // order, state, authorized, requested, paid
        try (Connection returns = connect(Department.RETURNS)) {
            query(returns, "select id, order_id, state, authorized_at is not null, refund_requested, refund_paid"
                    + " from return_case where customer_id = any(?)", customers,
                    row -> returnCases.put(uuid(row, 1), new Object[] {uuid(row, 2), row.getString(3),
                            row.getBoolean(4), row.getBigDecimal(5), row.getBigDecimal(6)}));
        }

        // --- contact ---
        Map<UUID, Map<String, Integer>> contactSteps = new HashMap<>();
        try (Connection contact = connect(Department.CONTACT)) {
            query(contact, "select order_id, step, count(*) from timeline_entry where order_id = any(?) group by 1, 2",
                    orderIds, row -> contactSteps.computeIfAbsent(uuid(row, 1), k -> new TreeMap<>())
                            .put(row.getString(2), row.getInt(3)));
        }

        // ==== the checks ====
        List<Run> placed = runs.stream().filter(run -> run.orderId != null).toList();
        check("orders placed by the drivers, each exactly once (sales orders of the run's customers)",
                salesOrdersOfCustomers, salesOrdersOfCustomers == placed.size() ? List.of()
                        : List.of(salesOrdersOfCustomers + " orders in sales for " + placed.size() + " placed"));

        List<String> lost = new ArrayList<>();
        long accepted = 0;
        for (Run run : placed) {
            String status = productionStatus.get(run.orderId);
            accepted++;
            boolean settled = "SHIPPED".equals(status) || "BACKORDERED".equals(status) || "CANCELLED".equals(status);
            if (!settled) {
                lost.add(run.orderId + " is " + status + " in production");
            }
        }
        check("accepted orders shipped, backordered or cancelled in production (none lost)", accepted, lost);

        List<String> wrongEnd = new ArrayList<>();
        Map<String, Long> ends = new TreeMap<>();
        for (Run run : placed) {
            String status = salesStatus.get(run.orderId);
            String production = productionStatus.get(run.orderId);
            ends.merge(status, 1L, Long::sum);
            String expected = run.step == Step.BACKORDERED ? "BACKORDERED" : run.cancel ? "CANCELLED"
                    : run.returned ? "REFUNDED" : "PAID";
            String expectedProduction = run.step == Step.BACKORDERED ? "BACKORDERED" : run.cancel ? "CANCELLED"
                    : "SHIPPED";
            if (!expected.equals(status) || !expectedProduction.equals(production)) {
                wrongEnd.add(run.orderId + " sales " + status + " / production " + production + ", expected "
                        + expected + " / " + expectedProduction);
            }
        }
        check("orders where sales and production agree with the driver's plan " + ends, placed.size(), wrongEnd);

        List<String> lineViolations = new ArrayList<>();
        for (Run run : placed) {
            for (FaultLoad.Line line : run.lines) {
                BigDecimal[] figures = productionLines.get(run.orderId + "/" + line.lineNo());
                if (figures == null) {
                    lineViolations.add(run.orderId + "/" + line.lineNo() + " unknown to production");
                    continue;
                }
                BigDecimal quantity = BigDecimal.valueOf(line.quantity());
                boolean ok = run.cancel ? figures[1].signum() == 0 && figures[2].signum() == 0 && figures[3].signum() == 0
                        : run.step == Step.BACKORDERED ? figures[1].add(figures[2]).compareTo(quantity) == 0
                        : figures[3].compareTo(quantity) == 0 && figures[1].signum() == 0 && figures[2].signum() == 0;
                if (figures[0].compareTo(quantity) != 0 || !ok) {
                    lineViolations.add(run.orderId + "/" + line.lineNo() + " ordered " + line.quantity()
                            + ", production quantity/reserved/backordered/shipped " + List.of(figures));
                }
            }
        }
        check("order lines: shipped = ordered, or reserved + backordered = ordered, or nothing left (cancelled)",
                productionLines.size(), lineViolations);

        List<String> reservationViolations = new ArrayList<>();
        long lines = 0;
        for (Run run : placed) {
            for (FaultLoad.Line line : run.lines) {
                lines++;
                String key = run.orderId + "/" + line.lineNo();
                long count = reservations.getOrDefault(key, 0L);
                BigDecimal sum = reservedByLedger.getOrDefault(key, BigDecimal.ZERO);
                boolean mayBeUnreserved = run.cancel || run.step == Step.BACKORDERED;
                if (count > 1 || (count == 0 && !mayBeUnreserved)
                        || sum.compareTo(BigDecimal.valueOf(line.quantity())) > 0) {
                    reservationViolations.add(key + ": " + count + " reservations of " + sum + " for " + line.quantity());
                }
            }
        }
        check("one reservation per order line, never more than ordered", lines, reservationViolations);

        check("stock never negative, never more reserved than on hand (run's SKUs)", skus.size(), stockViolations);
        check("ledger sums equal the stock figures (on hand and reserved, per SKU and warehouse)", skus.size(),
                ledgerViolations);
        check("on hand = received - shipped + returned resellable", skus.size(), expectedStockViolations);

        List<String> invoiceViolations = new ArrayList<>();
        for (UUID shipment : shipmentOrder.keySet()) {
            List<UUID> invoices = invoicesPerShipment.getOrDefault(shipment, List.of());
            if (invoices.size() != 1) {
                invoiceViolations.add("shipment " + shipment + " has " + invoices.size() + " invoices");
            }
        }
        for (UUID shipment : invoicesPerShipment.keySet()) {
            if (!shipmentOrder.containsKey(shipment)) {
                invoiceViolations.add("invoice for unknown shipment " + shipment);
            }
        }
        check("shipments invoiced exactly once (one invoice per shipment id)", shipmentOrder.size(),
                invoiceViolations);

        List<String> priceViolations = new ArrayList<>();
        long invoiceLineCount = 0;
        for (Map.Entry<UUID, List<Object[]>> entry : invoiceLines.entrySet()) {
            UUID invoice = entry.getKey();
            UUID shipment = invoiceShipment.get(invoice);
            UUID order = invoiceOrder.get(invoice);
            Map<BigDecimal, BigDecimal> netPerRate = new TreeMap<>();
            BigDecimal net = BigDecimal.ZERO;
            int shipmentLines = (int) shipped.keySet().stream().filter(key -> key.startsWith(shipment + "/")).count();
            if (shipmentLines != entry.getValue().size()) {
                priceViolations.add("invoice " + invoice + " has " + entry.getValue().size() + " lines, shipment "
                        + shipmentLines);
            }
            for (Object[] line : entry.getValue()) {
                invoiceLineCount++;
                int lineNo = (Integer) line[0];
                BigDecimal quantity = (BigDecimal) line[1];
                BigDecimal[] agreedLine = agreed.get(order + "/" + lineNo);
                BigDecimal shippedQuantity = shipped.get(shipment + "/" + lineNo);
                if (agreedLine == null || shippedQuantity == null || shippedQuantity.compareTo(quantity) != 0
                        || agreedLine[1].compareTo((BigDecimal) line[2]) != 0
                        || agreedLine[2].compareTo((BigDecimal) line[3]) != 0
                        || agreedLine[3].compareTo((BigDecimal) line[4]) != 0) {
                    priceViolations.add("invoice " + invoice + " line " + lineNo + ": " + quantity + " × " + line[2]
                            + " −" + line[3] + "% @" + line[4] + "%, shipped " + shippedQuantity + ", agreed "
                            + (agreedLine == null ? null : List.of(agreedLine)));
                    continue;
                }
                BigDecimal lineNet = quantity.multiply(agreedLine[1]).multiply(BigDecimal.ONE.subtract(
                        agreedLine[2].movePointLeft(2))).setScale(2, RoundingMode.HALF_UP);
                if (lineNet.compareTo((BigDecimal) line[5]) != 0) {
                    priceViolations.add("invoice " + invoice + " line " + lineNo + " net " + line[5] + ", expected "
                            + lineNet);
                }
                net = net.add(lineNet);
                netPerRate.merge(agreedLine[3], lineNet, BigDecimal::add);
            }
            BigDecimal tax = netPerRate.entrySet().stream()
                    .map(rate -> rate.getValue().multiply(rate.getKey()).movePointLeft(2).setScale(2, RoundingMode.HALF_UP))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal[] totals = invoiceTotals.get(invoice);
            if (totals[0].compareTo(net) != 0 || totals[1].compareTo(tax) != 0
                    || totals[2].compareTo(net.add(tax)) != 0) {
                priceViolations.add("invoice " + invoice + " net/tax/gross " + totals[0] + "/" + totals[1] + "/"
                        + totals[2] + ", expected " + net + "/" + tax + "/" + net.add(tax));
            }
        }
        check("invoice lines for the shipped quantity at the agreed price, totals to the cent", invoiceLineCount,
                priceViolations);

        List<String> unpaid = new ArrayList<>();
        invoiceStatus.forEach((invoice, status) -> {
            BigDecimal[] totals = invoiceTotals.get(invoice);
            if (!"PAID".equals(status) || totals[3].compareTo(totals[2]) != 0) {
                unpaid.add("invoice " + invoice + " " + status + ", paid " + totals[3] + " of " + totals[2]);
            }
        });
        check("invoices paid exactly their gross (one payment each, retried with its key)", invoiceStatus.size(),
                unpaid);
        check("payments recorded = invoices paid by the drivers", payments, payments == invoiceStatus.size()
                ? List.of() : List.of(payments + " payments for " + invoiceStatus.size() + " invoices"));

        List<String> refundViolations = new ArrayList<>();
        long authorized = 0;
        Map<UUID, BigDecimal> invoicedPerOrder = new HashMap<>();
        invoiceOrder.forEach((invoice, order) -> invoicedPerOrder.merge(order, invoiceTotals.get(invoice)[2],
                BigDecimal::add));
        for (Map.Entry<UUID, Object[]> entry : returnCases.entrySet()) {
            UUID returnId = entry.getKey();
            Object[] returnCase = entry.getValue();
            if (!(Boolean) returnCase[2]) {
                continue;
            }
            authorized++;
            long notes = creditNotes.getOrDefault(returnId, new long[1])[0];
            long paid = refunds.getOrDefault(returnId, new long[1])[0];
            BigDecimal amount = refundAmount.get(returnId);
            BigDecimal invoiced = invoicedPerOrder.getOrDefault((UUID) returnCase[0], BigDecimal.ZERO);
            if (notes != 1 || paid != 1 || !"CLOSED".equals(returnCase[1]) || amount == null
                    || amount.compareTo(invoiced) > 0 || returnCase[4] == null
                    || ((BigDecimal) returnCase[4]).compareTo(amount) != 0
                    || !Objects.equals(creditNoteAmount.get(returnId).compareTo(amount), 0)) {
                refundViolations.add("return " + returnId + " " + returnCase[1] + ": " + notes + " credit notes, "
                        + paid + " refunds of " + amount + ", invoiced " + invoiced + ", returns says paid "
                        + returnCase[4]);
            }
        }
        check("authorized returns refunded exactly once (one credit note, one refund), never above invoiced",
                authorized, refundViolations);
        long returnsRequested = runs.stream().filter(run -> run.returnId != null).count();
        check("return cases = returns requested by the drivers (no doubles from retries)", returnCases.size(),
                returnCases.size() == returnsRequested ? List.of()
                        : List.of(returnCases.size() + " cases for " + returnsRequested + " requested"));

        List<String> timelineViolations = new ArrayList<>();
        for (Run run : placed) {
            Map<String, Integer> steps = salesSteps.getOrDefault(run.orderId, Map.of());
            long invoices = invoiceOrder.values().stream().filter(run.orderId::equals).count();
            Map<String, Integer> expected = new TreeMap<>();
            expected.put("ORDER_PLACED", 1);
            expected.put("ORDER_ACCEPTED", 1);
            if (!run.cancel && run.step != Step.BACKORDERED) {
                expected.put("SHIPMENT_DISPATCHED", run.shipmentsPlanned());
                expected.put("INVOICE_ISSUED", (int) invoices);
            }
            if (run.returned) {
                expected.put("RETURN_REQUESTED", 1);
                expected.put("REFUND_PAID", 1);
            }
            for (Map.Entry<String, Integer> step : expected.entrySet()) {
                if (!step.getValue().equals(steps.getOrDefault(step.getKey(), 0))) {
                    timelineViolations.add(run.orderId + " sales shows " + step.getKey() + " "
                            + steps.getOrDefault(step.getKey(), 0) + "×, expected " + step.getValue() + "×");
                }
            }
        }
        check("sales timelines: placed, accepted once; one dispatch/invoice step per shipment/invoice", placed.size(),
                timelineViolations);

        List<String> contactViolations = new ArrayList<>();
        for (Run run : placed) {
            Map<String, Integer> sales = salesSteps.getOrDefault(run.orderId, Map.of());
            Map<String, Integer> contact = contactSteps.getOrDefault(run.orderId, Map.of());
            if (!sales.equals(contact)) {
                contactViolations.add(run.orderId + " sales " + sales + " but contact " + contact);
            }
        }
        check("contact timelines show the same steps as sales', each as often", placed.size(), contactViolations);

        // --- the kit's tables, in all five databases ---
        List<String> unsent = new ArrayList<>();
        List<String> deadLetters = new ArrayList<>();
        List<String> parked = new ArrayList<>();
        long outboxRows = 0;
        for (Department department : Department.values()) {
            try (Connection db = connect(department)) {
                outboxRows += count(db, "select count(*) from kit_outbox where created_at >= ?", since);
                long waiting = count(db, "select count(*) from kit_outbox where sent_at is null", null);
                if (waiting > 0) {
                    unsent.add(department.serviceName() + ": " + waiting);
                }
                query(db, "select topic, handler, reason from kit_dead_letter where created_at >= ?", since,
                        row -> deadLetters.add(department.serviceName() + " " + row.getString(1) + " "
                                + row.getString(2) + ": " + row.getString(3)));
                query(db, "select handler, prerequisite, event_type from kit_parked_event where parked_at >= ?", since,
                        row -> parked.add(department.serviceName() + " " + row.getString(1) + " waits for "
                                + row.getString(2)));
            }
        }
        check("every outbox empty (events written during the run, all five services)", outboxRows, unsent);
        check("no dead letter written during the run (faults are not poison)", deadLetters.size(), deadLetters);
        check("no event still parked for a prerequisite", parked.size(), parked);
    }

    private void check(String what, long counted, List<String> violations) {
        checks.add(new Check(what, counted, violations.size(), violations.stream().limit(3).toList()));
    }

    // --- JDBC, read-only ---

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private Connection connect(Department department) throws SQLException {
        Connection connection = suite.postgres().connectAsSuperuser(department.database());
        connection.setReadOnly(true);
        return connection;
    }

    private static void query(Connection connection, String sql, Object parameter, RowReader reader)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(connection, statement, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        }
    }

    private static long count(Connection connection, String sql, Object parameter) throws SQLException {
        long[] count = new long[1];
        query(connection, sql, parameter, row -> count[0] = row.getLong(1));
        return count[0];
    }

    private static void bind(Connection connection, PreparedStatement statement, Object parameter)
            throws SQLException {
        if (parameter instanceof Instant instant) {
            statement.setTimestamp(1, Timestamp.from(instant));
        } else if (parameter instanceof Collection<?> values) {
            boolean uuids = !values.isEmpty() && values.iterator().next() instanceof UUID;
            Array array = connection.createArrayOf(uuids ? "uuid" : "text", values.toArray());
            statement.setArray(1, array);
        } else if (parameter != null) {
            statement.setObject(1, parameter);
        }
    }

    private static UUID uuid(ResultSet row, int column) throws SQLException {
        return row.getObject(column, UUID.class);
    }

    static <K> Map<K, Long> countBy(Collection<Run> runs, Function<Run, K> key) {
        Map<K, Long> counts = new TreeMap<>();
        runs.forEach(run -> counts.merge(key.apply(run), 1L, Long::sum));
        return counts;
    }
}
