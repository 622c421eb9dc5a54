package org.ordercycle.systemtests;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.ordercycle.launcher.Department;

/**
 * The load of the fault suite: orders driven through the cycle by a small pool of threads, one step of one order at
 * a time — placed, then cancelled, or shipped (some in two parts), paid, and some returned. A step that cannot be
 * done yet (the reservation or the invoice is still on its way) or that meets an outage (connection refused or
 * reset, a 503, a timeout) is tried again a little later <b>with the same idempotency key</b>: an outage may cost
 * time, never an effect. A step that fails for any other reason, or takes longer than {@link #STEP_DEADLINE}, marks
 * its order as failed with the answer it got; the test reports those.
 */
final class FaultLoad {

    /**
     * A step not done within this is a failure. Generous: on a loaded 2-core machine one service restart took up to a
     * minute, and a step may wait behind several faults and the backlog they leave ({@code faults.step-deadline}).
     */
    static final Duration STEP_DEADLINE = Duration.parse(System.getProperty("faults.step-deadline", "PT5M"));
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    private static final long NOT_YET_MILLIS = 300;
    private static final long OUTAGE_MILLIS = 500;

    /** Where an order stands in its plan. */
    enum Step { PLACE, CANCEL, SHIP_FIRST, SHIP_REST, PAY, RETURN, RECEIVE, DONE, BACKORDERED, FAILED }

    /** A line as ordered. */
    record Line(int lineNo, String sku, int quantity) {
    }

    /** One order's plan and what happened to it. Mutated by one pool thread at a time (steps never overlap). */
    static final class Run {
        final int index;
        final UUID customer;
        final List<Line> lines;
        final boolean cancel;
        final boolean partial;
        final boolean returned;
        final String placeKey = UUID.randomUUID().toString();
        final String[] shipKeys = {UUID.randomUUID().toString(), UUID.randomUUID().toString()};
        final String returnKey = UUID.randomUUID().toString();
        volatile Step step = Step.PLACE;
        volatile UUID orderId;
        final List<UUID> shipments = new ArrayList<>();
        final List<UUID> invoices = new ArrayList<>();
        final List<UUID> payments = new ArrayList<>();
        volatile UUID returnId;
        volatile String failure;
        long stepStarted;

        Run(int index, UUID customer, List<Line> lines, boolean cancel, boolean partial, boolean returned) {
            this.index = index;
            this.customer = customer;
            this.lines = lines;
            this.cancel = cancel;
            this.partial = partial;
            this.returned = returned;
        }

        int shipmentsPlanned() {
            return partial ? 2 : 1;
        }

        @Override
        public String toString() {
            return "order #" + index + " " + orderId + " at " + step + (failure == null ? "" : ": " + failure);
        }
    }

    /** What the drivers met on the way: answers by status, outage retries, not-yet retries. */
    static final class Tally {
        final Map<String, LongAdder> answers = new ConcurrentHashMap<>();
        final LongAdder outageRetries = new LongAdder();
        final LongAdder notYetRetries = new LongAdder();
        final Queue<String> serverErrors = new ConcurrentLinkedQueue<>();

        void answer(String what) {
            answers.computeIfAbsent(what, k -> new LongAdder()).increment();
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<Department, String> tokens;
    private final List<Run> runs;
    private final ScheduledExecutorService pool;
    private final CountDownLatch finished;
    final Tally tally = new Tally();
    final AtomicInteger placed = new AtomicInteger();

    FaultLoad(List<Run> runs, int threads) {
        this.runs = runs;
        this.tokens = Map.of(
                Department.SALES, SharedSuite.token("sam", "sales"),
                Department.PRODUCTION, SharedSuite.token("pete", "production"),
                Department.BILLING, SharedSuite.token("bianca", "billing"),
                Department.RETURNS, SharedSuite.token("rita", "returns"));
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(threads, task -> {
            Thread thread = new Thread(task, "fault-load");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.pool = executor;
        this.finished = new CountDownLatch(runs.size());
    }

    /**
     * The plan of {@code count} orders over the customers and SKUs: 1–3 lines of 1–4 units; every 10th cancelled,
     * every 4th shipped in two parts, every 7th (not cancelled) returned in part. Orders with the scarce SKU are
     * never cancelled nor returned (freed stock would reserve a backorder behind the test's back).
     */
    static List<Run> plan(int count, List<UUID> customers, List<String> skus, String scarceSku, long seed) {
        Random random = new Random(seed);
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean scarce = i % 25 == 5;
            List<String> available = new ArrayList<>(skus);
            java.util.Collections.shuffle(available, random);
            int lineCount = 1 + random.nextInt(3);
            List<Line> lines = new ArrayList<>();
            if (scarce) {
                lines.add(new Line(1, scarceSku, 1 + random.nextInt(3)));
            }
            for (int n = lines.size(); n < lineCount; n++) {
                lines.add(new Line(n + 1, available.get(n), 1 + random.nextInt(4)));
            }
            boolean cancel = !scarce && i % 10 == 3;
            boolean partial = !scarce && !cancel && i % 4 == 1;
            if (partial && lines.get(0).quantity() < 2) {
                lines.set(0, new Line(1, lines.get(0).sku(), 2 + random.nextInt(3)));
            }
            boolean returned = !scarce && !cancel && i % 7 == 2;
            runs.add(new Run(i, customers.get(i % customers.size()), lines, cancel, partial, returned));
        }
        return runs;
    }

    /** Schedules the placements evenly over {@code window}, then returns at once. */
    void start(Duration window) {
        long spacing = window.toNanos() / Math.max(1, runs.size());
        for (Run run : runs) {
            run.stepStarted = System.nanoTime() + run.index * spacing;
            pool.schedule(() -> advance(run), run.index * spacing, TimeUnit.NANOSECONDS);
        }
    }

    /** Waits until every order is done, backordered or failed. */
    boolean await(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop() {
        pool.shutdownNow();
    }

    List<Run> runs() {
        return runs;
    }

    /** Counts of orders per step reached, e.g. {DONE=900, BACKORDERED=12}. */
    Map<Step, Long> progress() {
        return runs.stream().collect(Collectors.groupingBy(run -> run.step, java.util.TreeMap::new,
                Collectors.counting()));
    }

    // --- one step ---

    private void advance(Run run) {
        Outcome outcome;
        try {
            outcome = switch (run.step) {
                case PLACE -> place(run);
                case CANCEL -> cancel(run);
                case SHIP_FIRST -> ship(run, 0);
                case SHIP_REST -> ship(run, 1);
                case PAY -> pay(run);
                case RETURN -> requestReturn(run);
                case RECEIVE -> receive(run);
                default -> Outcome.FINISHED;
            };
        } catch (IOException e) {
            tally.outageRetries.increment();
            tally.answer("connection: " + e.getClass().getSimpleName());
            outcome = Outcome.OUTAGE;
        } catch (Unexpected e) {
            fail(run, e.getMessage());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            fail(run, e.toString());
            return;
        }
        switch (outcome) {
            case NEXT -> {
                run.stepStarted = System.nanoTime();
                pool.execute(() -> advance(run));
            }
            case NOT_YET, OUTAGE -> {
                if (System.nanoTime() - run.stepStarted > STEP_DEADLINE.toNanos()) {
                    fail(run, "step " + run.step + " not done within " + STEP_DEADLINE.toSeconds() + " s");
                    return;
                }
                if (outcome == Outcome.NOT_YET) {
                    tally.notYetRetries.increment();
                }
                pool.schedule(() -> advance(run), outcome == Outcome.NOT_YET ? NOT_YET_MILLIS : OUTAGE_MILLIS,
                        TimeUnit.MILLISECONDS);
            }
            case FINISHED -> finished.countDown();
        }
    }

    private void fail(Run run, String why) {
        run.failure = "at " + run.step + ": " + why;
        run.step = Step.FAILED;
        finished.countDown();
    }

    private enum Outcome { NEXT, NOT_YET, OUTAGE, FINISHED }

    private Outcome place(Run run) throws IOException, InterruptedException {
        StringBuilder lines = new StringBuilder();
        for (Line line : run.lines) {
            lines.append(lines.isEmpty() ? "" : ",").append("{\"sku\":\"").append(line.sku()).append("\",\"quantity\":")
                    .append(line.quantity()).append('}');
        }
        String body = "{\"customerId\":\"" + run.customer + "\",\"lines\":[" + lines + "]}";
        Answer answer = post(Department.SALES, "/orders", body, run.placeKey);
        if (answer.status == 201) {
            run.orderId = UUID.fromString(answer.json().getString("id"));
            placed.incrementAndGet();
            run.step = run.cancel ? Step.CANCEL : Step.SHIP_FIRST;
            return Outcome.NEXT;
        }
        if (answer.status == 422 && answer.body.contains("customer")) {
            return Outcome.NOT_YET; // sales learns of the customer by event
        }
        return retryOrFail(answer);
    }

    private Outcome cancel(Run run) throws IOException, InterruptedException {
        Answer answer = post(Department.SALES, "/orders/" + run.orderId + "/cancel", "{\"reason\":\"fault load\"}",
                null);
        if (answer.status == 200) {
            run.step = Step.DONE;
            return Outcome.FINISHED;
        }
        if (answer.status == 409) {
            // A retry of a cancel that went through before the connection broke.
            Answer order = get(Department.SALES, "/orders/" + run.orderId);
            if (order.status == 200 && "CANCELLED".equals(order.json().getString("status"))) {
                run.step = Step.DONE;
                return Outcome.FINISHED;
            }
        }
        return retryOrFail(answer);
    }

    private Outcome ship(Run run, int part) throws IOException, InterruptedException {
        StringBuilder lines = new StringBuilder();
        for (Line line : run.lines) {
            int quantity = line.quantity();
            if (run.partial && line.lineNo() == 1) {
                quantity = part == 0 ? line.quantity() / 2 : line.quantity() - line.quantity() / 2;
            } else if (run.partial && part == 0) {
                continue; // the first part is half of line 1 alone
            }
            lines.append(lines.isEmpty() ? "" : ",").append("{\"lineNo\":").append(line.lineNo())
                    .append(",\"quantity\":").append(quantity).append('}');
        }
        String body = "{\"lines\":[" + lines + "],\"carrier\":\"DHL\",\"trackingNo\":\"F" + run.index + "-" + part
                + "\"}";
        Answer answer = post(Department.PRODUCTION, "/orders/" + run.orderId + "/shipments", body, run.shipKeys[part]);
        if (answer.status == 201) {
            synchronized (run.shipments) {
                run.shipments.add(UUID.fromString(answer.json().getString("id")));
            }
            run.step = run.partial && part == 0 ? Step.SHIP_REST : Step.PAY;
            return Outcome.NEXT;
        }
        if (answer.status == 404 || answer.status == 409 || answer.status == 422) {
            // Not reserved yet (or production does not know the order yet) — or backordered for good.
            if (run.lines.stream().anyMatch(line -> line.sku().startsWith("SCARCE"))) {
                Answer order = get(Department.SALES, "/orders/" + run.orderId);
                if (order.status == 200 && "BACKORDERED".equals(order.json().getString("status"))) {
                    run.step = Step.BACKORDERED;
                    return Outcome.FINISHED;
                }
            }
            return Outcome.NOT_YET;
        }
        return retryOrFail(answer);
    }

    private Outcome pay(Run run) throws IOException, InterruptedException {
        Answer list = get(Department.BILLING, "/invoices?customerId=" + run.customer);
        if (list.status != 200) {
            return retryOrFail(list);
        }
        List<Map<String, Object>> invoices = list.json().getList("findAll { it.orderId == '" + run.orderId + "' }");
        if (invoices.size() < run.shipmentsPlanned()) {
            return Outcome.NOT_YET;
        }
        for (Map<String, Object> invoice : invoices) {
            UUID id = UUID.fromString(String.valueOf(invoice.get("id")));
            @SuppressWarnings("unchecked")
            String gross = String.valueOf(((Map<String, Object>) invoice.get("gross")).get("amount"));
            String body = "{\"customerId\":\"" + run.customer + "\",\"amount\":{\"amount\":" + gross
                    + ",\"currency\":\"EUR\"},\"allocations\":[{\"invoiceId\":\"" + id + "\",\"amount\":" + gross
                    + "}]}";
            Answer paid = post(Department.BILLING, "/payments", body, "pay-" + id);
            if (paid.status != 201) {
                return retryOrFail(paid);
            }
            synchronized (run.invoices) {
                if (!run.invoices.contains(id)) {
                    run.invoices.add(id);
                    run.payments.add(UUID.fromString(paid.json().getString("id")));
                }
            }
        }
        run.step = run.returned ? Step.RETURN : Step.DONE;
        return run.returned ? Outcome.NEXT : Outcome.FINISHED;
    }

    private Outcome requestReturn(Run run) throws IOException, InterruptedException {
        String body = "{\"orderId\":\"" + run.orderId + "\",\"lines\":[{\"lineNo\":1,\"quantity\":1}],"
                + "\"reason\":\"fault load\"}";
        Answer answer = post(Department.RETURNS, "/returns", body, run.returnKey);
        if (answer.status == 201) {
            run.returnId = UUID.fromString(answer.json().getString("id"));
            String state = answer.json().getString("state");
            if (!"AUTHORIZED".equals(state)) {
                throw new Unexpected("return " + run.returnId + " not authorized at once: " + answer.body);
            }
            run.step = Step.RECEIVE;
            return Outcome.NEXT;
        }
        if (answer.status == 422) {
            return Outcome.NOT_YET; // returns learns of the shipment by event
        }
        return retryOrFail(answer);
    }

    private Outcome receive(Run run) throws IOException, InterruptedException {
        Answer answer = post(Department.RETURNS, "/returns/" + run.returnId + "/receipt",
                "{\"lines\":[{\"lineNo\":1,\"condition\":\"RESELLABLE\"}]}", null);
        if (answer.status == 200) {
            run.step = Step.DONE;
            return Outcome.FINISHED;
        }
        if (answer.status == 409) {
            Answer returnCase = get(Department.RETURNS, "/returns/" + run.returnId);
            String state = returnCase.status == 200 ? returnCase.json().getString("state") : "?";
            if (!List.of("REQUESTED", "AUTHORIZED", "PICKUP_SCHEDULED", "IN_TRANSIT").contains(state)) {
                run.step = Step.DONE; // a receipt that went through before the connection broke
                return Outcome.FINISHED;
            }
        }
        return retryOrFail(answer);
    }

    /** 503 (and any 5xx) during a fault is expected: try again. Any other answer here is a failure. */
    private Outcome retryOrFail(Answer answer) {
        if (answer.status >= 500) {
            tally.outageRetries.increment();
            if (answer.status != 503) {
                tally.serverErrors.add(answer.status + " " + answer.what + ": " + abbreviate(answer.body));
            }
            return Outcome.OUTAGE;
        }
        throw new Unexpected(answer.status + " from " + answer.what + ": " + abbreviate(answer.body));
    }

    private static String abbreviate(String text) {
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }

    // --- HTTP ---

    private record Answer(int status, String body, String what) {
        JsonPath json() {
            return JsonPath.from(body);
        }
    }

    private static final class Unexpected extends RuntimeException {
        Unexpected(String message) {
            super(message);
        }
    }

    private Answer get(Department department, String path) throws IOException, InterruptedException {
        return send(department, "GET", path, null, null);
    }

    private Answer post(Department department, String path, String body, String idempotencyKey)
            throws IOException, InterruptedException {
        return send(department, "POST", path, body, idempotencyKey);
    }

    private Answer send(Department department, String method, String path, String body, String idempotencyKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SharedSuite.url(department) + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + tokens.get(department))
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        String what = method + " " + department.serviceName() + path;
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.net.http.HttpTimeoutException e) {
            throw new IOException("timeout: " + what, e);
        }
        tally.answer(method + " " + department.name().toLowerCase() + " " + response.statusCode());
        return new Answer(response.statusCode(), response.body(), what);
    }

    static BigDecimal decimal(Object value) {
        return new BigDecimal(String.valueOf(value));
    }
}
