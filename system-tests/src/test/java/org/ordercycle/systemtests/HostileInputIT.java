package org.ordercycle.systemtests;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ordercycle.launcher.Department;
import org.ordercycle.launcher.Suite;
import org.ordercycle.systemtests.ApiDocument.Operation;
import org.ordercycle.systemtests.CycleApi.Line;
import org.ordercycle.systemtests.HostileRequests.Category;
import org.ordercycle.systemtests.HostileRequests.Request;
import org.ordercycle.systemtests.HostileRequests.Seeds;
import org.ordercycle.systemtests.HostileRequests.UsedKey;
import org.ordercycle.testinfra.JwtIssuer;

/**
 * Issue 14, part 2: at least 10,000 generated bad requests against every operation of every service's OpenAPI
 * document (read at run time) — malformed JSON, wrong types, missing fields, huge strings and numbers, negative and
 * zero quantities, unknown ids and ids of the wrong kind, bad parameters, missing/expired/forged tokens and wrong
 * roles, a used idempotency key with another body, wrong content types, and bodies, URIs and headers the HTTP layer
 * refuses. Then: no answer is a 5xx; every rejection is {@code application/problem+json} with its status (except
 * the HTTP codec's own 413/414/431); and not one row in any table of the five databases was added or removed.
 */
class HostileInputIT {

    /** The floor. */
    private static final int MIN_REQUESTS = 10_000;
    /** Statuses the HTTP codec answers before the application sees the request: no problem+json there. */
    private static final Set<Integer> CODEC_STATUSES = Set.of(413, 414, 431);
    private static final int CLIENTS = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static CycleApi api;
    private static Suite suite;

    @BeforeAll
    static void suite() {
        api = CycleApi.onSharedSuite();
        suite = SharedSuite.get();
    }

    /** One answer that breaks the rules, kept for the report. */
    record Offence(Department department, String operation, Category category, String request, int status,
            String contentType, String body) {
    }

    @Test
    void tenThousandBadRequestsGetNoServerErrorOnlyProblemsAndChangeNoRow() throws Exception {
        long started = System.nanoTime();
        Seeds seeds = seed();
        long seeded = System.nanoTime();

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Tokens tokens = new Tokens(suite);
        List<Request> requests = new ArrayList<>();
        Map<Department, Integer> operationsPer = new EnumMap<>(Department.class);
        for (Department department : Department.values()) {
            ApiDocument document = ApiDocument.read(http, SharedSuite.url(department));
            List<Operation> operations = document.operations(department);
            operationsPer.put(department, operations.size());
            HostileRequests generator = new HostileRequests(seeds, tokens).resolvingWith(document::resolve);
            for (Operation operation : operations) {
                requests.addAll(generator.generate(operation));
            }
        }
        Collections.shuffle(requests, new Random(14));
        assertThat(requests).as("generated bad requests").hasSizeGreaterThanOrEqualTo(MIN_REQUESTS);

        SuiteState state = new SuiteState(suite);
        Map<String, Long> before = state.settle(Duration.ofSeconds(60));
        long attackStarted = System.nanoTime();

        Map<Category, AtomicInteger> perCategory = new ConcurrentHashMap<>();
        Map<Integer, AtomicInteger> perStatus = new ConcurrentHashMap<>();
        Queue offences = new Queue();
        AtomicLong accepted = new AtomicLong();
        Queue acceptedWrites = new Queue();
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < requests.size(); i = next.getAndIncrement()) {
                    Request request = requests.get(i);
                    perCategory.computeIfAbsent(request.category(), k -> new AtomicInteger()).incrementAndGet();
                    Answer answer = send(http, request);
                    perStatus.computeIfAbsent(answer.status(), k -> new AtomicInteger()).incrementAndGet();
                    judge(request, answer, offences);
                    if (answer.status() >= 200 && answer.status() < 300) {
                        accepted.incrementAndGet();
                        if (request.operation().writes()) {
                            acceptedWrites.add(offence(request, answer));
                        }
                    }
                }
                return null;
            });
        }
        clients.shutdown();
        assertThat(clients.awaitTermination(5, TimeUnit.MINUTES)).as("the attack finished").isTrue();

        // What the HTTP codec refuses: a body above the limit, a URI too long, headers too large.
        for (Department department : Department.values()) {
            for (Codec codec : Codec.values()) {
                perCategory.computeIfAbsent(Category.OVERSIZED, k -> new AtomicInteger()).incrementAndGet();
                Answer answer = codec.send(URI.create(SharedSuite.url(department)), tokens.admin());
                perStatus.computeIfAbsent(answer.status(), k -> new AtomicInteger()).incrementAndGet();
                Operation any = new Operation(department, codec.method, codec.path, codec.name(), List.of(), null,
                        false, Set.of());
                judge(new Request(Category.OVERSIZED, any, codec.method, codec.path, Map.of(), null, codec.name()),
                        answer, offences);
            }
        }
        long attackEnded = System.nanoTime();
        Map<String, Long> after = state.settle(Duration.ofSeconds(60));
        long ended = System.nanoTime();

        int total = perCategory.values().stream().mapToInt(AtomicInteger::get).sum();
        System.out.printf("%nHostile input: %d requests against %s operations in %.1f s (%.0f/s, %d clients);"
                        + " seeding %.1f s, whole test %.1f s%n", total, operationsPer,
                (attackEnded - attackStarted) / 1e9, total / ((attackEnded - attackStarted) / 1e9), CLIENTS,
                (seeded - started) / 1e9, (ended - started) / 1e9);
        System.out.println("  per category: " + new TreeMap<>(perCategory));
        System.out.println("  per status:   " + new TreeMap<>(perStatus));
        System.out.println("  accepted (2xx, reads included): " + accepted.get());
        if (!acceptedWrites.isEmpty()) {
            System.out.println("  accepted writes:\n" + report(acceptedWrites.all()));
        }

        List<Offence> serverErrors = offences.all().stream().filter(o -> o.status() >= 500 || o.status() == 0).toList();
        List<Offence> notProblems = offences.all().stream().filter(o -> o.status() > 0 && o.status() < 500).toList();
        Map<String, String> changed = SuiteState.differences(before, after);
        StringBuilder failures = new StringBuilder();
        if (!serverErrors.isEmpty()) {
            failures.append("\n").append(serverErrors.size()).append(" answers were 5xx or none at all:\n")
                    .append(report(serverErrors));
        }
        if (!notProblems.isEmpty()) {
            failures.append("\n").append(notProblems.size()).append(" rejections were not application/problem+json"
                    + " with their status:\n").append(report(notProblems));
        }
        if (!changed.isEmpty()) {
            failures.append("\nrows changed although every request was bad: ").append(changed).append('\n');
        }
        System.out.println(failures.isEmpty() ? "  no 5xx, every rejection problem+json, no row changed"
                : failures.toString());
        assertThat(total).as("requests sent").isGreaterThanOrEqualTo(MIN_REQUESTS);
        assertThat(failures.toString()).as("offences").isEmpty();
    }

    // ---- judging ----

    record Answer(int status, String contentType, String body) {
    }

    private static void judge(Request request, Answer answer, Queue offences) {
        int status = answer.status();
        if (status == 0 || status >= 500) {
            offences.add(offence(request, answer));
            return;
        }
        if (status < 400 || CODEC_STATUSES.contains(status)) {
            return;
        }
        boolean problem = answer.contentType() != null && answer.contentType().startsWith("application/problem+json");
        if (problem) {
            try {
                JsonNode body = JSON.readTree(answer.body());
                problem = body.path("status").asInt() == status && body.hasNonNull("title");
            } catch (IOException e) {
                problem = false;
            }
        }
        if (!problem) {
            offences.add(offence(request, answer));
        }
    }

    private static Offence offence(Request request, Answer answer) {
        String body = answer.body() == null ? "" : answer.body().replaceAll("\\s+", " ");
        return new Offence(request.operation().department(), request.operation().method() + " "
                + request.operation().path() + " (" + request.operation().operationId() + ")", request.category(),
                request.describe(), answer.status(), answer.contentType(),
                body.length() > 300 ? body.substring(0, 300) + "…" : body);
    }

    /** Grouped by operation and category: how many, and the first example of each. */
    private static String report(List<Offence> offences) {
        Map<String, List<Offence>> grouped = offences.stream().collect(Collectors.groupingBy(
                o -> o.department().serviceName() + " " + o.operation() + " — " + o.category(), TreeMap::new,
                Collectors.toList()));
        StringBuilder report = new StringBuilder();
        grouped.forEach((group, list) -> {
            Offence first = list.get(0);
            Set<Integer> statuses = list.stream().map(Offence::status).collect(Collectors.toCollection(TreeSet::new));
            report.append("  ").append(group).append(": ").append(list.size()).append("× status ").append(statuses)
                    .append("\n      e.g. ").append(first.request()).append("\n      → ").append(first.status())
                    .append(' ').append(first.contentType()).append(' ').append(first.body()).append('\n');
        });
        return report.toString();
    }

    // ---- sending ----

    private static Answer send(HttpClient http, Request request) {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(SharedSuite.url(request.operation().department())
                    + request.pathAndQuery())).timeout(Duration.ofSeconds(30));
            for (Map.Entry<String, String> header : request.headers().entrySet()) {
                builder.header(header.getKey(), header.getValue());
            }
        } catch (IllegalArgumentException unsendable) {
            // The client itself refuses it (e.g. an empty header value): the server is never asked.
            return new Answer(400, "application/problem+json", "{\"status\":400,\"title\":\"not sent\"}");
        }
        builder.method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (IOException e) {
            return new Answer(0, null, "no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, "interrupted");
        }
    }

    /** What the HTTP layer refuses, sent over a plain socket (a client library would refuse to send some of it). */
    enum Codec {
        BODY_ABOVE_LIMIT("POST", "/orders"), URI_TOO_LONG("GET", "/orders?x="), HEADERS_TOO_LARGE("GET", "/orders");

        private final String method;
        private final String path;

        Codec(String method, String path) {
            this.method = method;
            this.path = path;
        }

        Answer send(URI base, String token) {
            String target = this == URI_TOO_LONG ? path + "y".repeat(20_000) : path;
            long length = this == BODY_ABOVE_LIMIT ? 11L * 1024 * 1024 : 0;
            StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
                    + "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\n"
                    + "Accept: application/json\r\nContent-Length: " + length + "\r\nConnection: close\r\n");
            if (this == HEADERS_TOO_LARGE) {
                head.append("X-Padding: ").append("p".repeat(64 * 1024)).append("\r\n");
            }
            head.append("\r\n");
            try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                socket.setSoTimeout(30_000);
                OutputStream out = socket.getOutputStream();
                try {
                    out.write(head.toString().getBytes(UTF_8));
                    byte[] chunk = new byte[64 * 1024];
                    chunk[0] = '[';
                    for (long sent = 0; sent < length; sent += chunk.length) {
                        out.write(chunk, 0, (int) Math.min(chunk.length, length - sent));
                        chunk[0] = ' ';
                    }
                    out.flush();
                } catch (IOException refused) {
                    // The server answered and closed while the body was still going: read what it said.
                }
                return parse(socket.getInputStream());
            } catch (IOException e) {
                return new Answer(0, null, "no answer to " + this + ": " + e);
            }
        }

        private static Answer parse(InputStream in) throws IOException {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int read = in.read(buffer); read >= 0 && all.size() < 1_000_000; read = in.read(buffer)) {
                    all.write(buffer, 0, read);
                }
            } catch (IOException reset) {
                // Connection reset after the answer: keep what came.
            }
            String text = all.toString(UTF_8);
            if (!text.startsWith("HTTP/1.")) {
                return new Answer(0, null, "no HTTP answer: " + text.substring(0, Math.min(200, text.length())));
            }
            int status = Integer.parseInt(text.substring(9, 12));
            String contentType = null;
            int end = text.indexOf("\r\n\r\n");
            for (String line : text.substring(0, end < 0 ? text.length() : end).split("\r\n")) {
                if (line.toLowerCase().startsWith("content-type:")) {
                    contentType = line.substring(13).trim();
                }
            }
            return new Answer(status, contentType, end < 0 ? "" : text.substring(end + 4));
        }
    }

    /** A thread-safe list of offences. */
    static final class Queue {
        private final ConcurrentLinkedQueue<Offence> items = new ConcurrentLinkedQueue<>();

        void add(Offence offence) {
            items.add(offence);
        }

        boolean isEmpty() {
            return items.isEmpty();
        }

        List<Offence> all() {
            return new ArrayList<>(items);
        }
    }

    // ---- tokens ----

    /** Valid tokens per user and roles, and expired and forged ones. */
    static final class Tokens implements HostileRequests.Tokens {

        private final Suite suite;
        private final JwtIssuer realIssuer;
        /** Another key pair, made once per build (not a new one in /tmp for every operation). */
        private final JwtIssuer foreignIssuer;
        private final Map<String, String> cache = new ConcurrentHashMap<>();

        Tokens(Suite suite) {
            this.suite = suite;
            Path root = Path.of(System.getProperty("ordercycle.root", "..")).toAbsolutePath().normalize();
            this.realIssuer = JwtIssuer.inFolder(root.resolve("system-tests/target/system-test-logs/jwt"));
            this.foreignIssuer = JwtIssuer.inFolder(root.resolve("system-tests/target/system-test-logs/jwt-foreign"));
        }

        String admin() {
            return forRoles("hostile", Set.of("admin"));
        }

        @Override
        public String forRoles(String user, Set<String> roles) {
            return cache.computeIfAbsent(user + new TreeSet<>(roles),
                    k -> suite.token(user, Duration.ofHours(1), roles.toArray(String[]::new)));
        }

        @Override
        public String expired() {
            return cache.computeIfAbsent("expired",
                    k -> suite.token("hostile", Duration.ofMinutes(-10), "admin"));
        }

        @Override
        public List<String> forged() {
            List<String> forged = new ArrayList<>();
            forged.add(foreignIssuer.token("hostile", Duration.ofHours(1), "admin"));
            // A real token for no department with its claims swapped for an admin's: the signature no longer fits.
            String weak = forRoles("hostile", Set.of("no-department"));
            String strong = admin();
            String[] w = weak.split("\\.");
            String[] s = strong.split("\\.");
            forged.add(w[0] + "." + s[1] + "." + w[2]);
            // Unsigned.
            String none = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    "{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(UTF_8));
            forged.add(none + "." + s[1] + ".");
            long now = System.currentTimeMillis() / 1000;
            // Well signed, but for someone else, from someone else, or without expiry.
            forged.add(realIssuer.sign(("{\"iss\":\"ordercycle\",\"aud\":\"another-app\",\"sub\":\"hostile\","
                    + "\"upn\":\"hostile\",\"groups\":[\"admin\"],\"iat\":%d,\"exp\":%d}").formatted(now, now + 3600)));
            forged.add(realIssuer.sign(("{\"iss\":\"evil\",\"aud\":\"ordercycle\",\"sub\":\"hostile\","
                    + "\"upn\":\"hostile\",\"groups\":[\"admin\"],\"iat\":%d,\"exp\":%d}").formatted(now, now + 3600)));
            forged.add(realIssuer.sign(("{\"iss\":\"ordercycle\",\"aud\":\"ordercycle\",\"sub\":\"hostile\","
                    + "\"upn\":\"hostile\",\"groups\":[\"admin\"],\"iat\":%d}").formatted(now)));
            forged.add("abc.def.ghi");
            forged.add("x".repeat(4_000));
            return forged;
        }
    }

    // ---- seeds ----

    /**
     * Real resources of every kind the attack names by id: a customer, an order (placed with a known idempotency
     * key), its shipment, invoice and return.
     */
    private static Seeds seed() {
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String sku = "HOSTILE-" + run;
        UUID customer = api.registerCustomer("Hostile Probe " + run, "0", 30);
        api.defineProduct(sku, "Target", "1.00", 1);
        api.receiveStock(sku, "100");
        api.setPrice(sku, "10.00", "19");
        String key = "hostile-" + run;
        LocalDate requested = LocalDate.now(ZoneOffset.UTC).plusDays(3);
        UUID order = null;
        for (int attempt = 0; attempt < 600 && order == null; attempt++) {
            var placed = api.placeOrder(customer, List.of(Line.of(sku, "2")), requested, key);
            if (placed.statusCode() == 201) {
                order = UUID.fromString(placed.path("id"));
            } else {
                SuiteState.sleep(Duration.ofMillis(100));
            }
        }
        assertThat(order).as("the seed order").isNotNull();
        UUID shipment = api.shipOnceReserved(order, List.of(Line.of(1, "2")));
        UUID returned = api.requestReturnOnceShipped(order, List.of(Line.of(1, "1")), "hostile seed");
        UUID invoice = null;
        for (int attempt = 0; attempt < 600 && invoice == null; attempt++) {
            JsonPath invoices = api.invoices(customer, false);
            String id = invoices.getString("find { it.shipmentId == '" + shipment + "' }.id");
            if (id != null) {
                invoice = UUID.fromString(id);
            } else {
                SuiteState.sleep(Duration.ofMillis(100));
            }
        }
        assertThat(invoice).as("the seed invoice").isNotNull();
        Map<String, UUID> ids = new LinkedHashMap<>();
        ids.put("customer", customer);
        ids.put("order", order);
        ids.put("shipment", shipment);
        ids.put("invoice", invoice);
        ids.put("return", returned);
        // The body as CycleApi sent it: the same key with any other body must be a 422.
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerId", customer.toString());
        body.put("lines", List.of(Map.of("sku", sku, "quantity", new BigDecimal("2"))));
        body.put("requestedDate", requested.toString());
        try {
            return new Seeds(ids, sku, Map.of("placeOrder",
                    new UsedKey(key, "sam", Set.of("sales"), JSON.writeValueAsString(body))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
