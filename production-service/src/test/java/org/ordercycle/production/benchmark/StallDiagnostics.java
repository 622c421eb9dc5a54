package org.ordercycle.production.benchmark;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.ordercycle.kit.outbox.OutboxMonitor;
import org.ordercycle.kit.outbox.OutboxRelay;
import org.ordercycle.testinfra.TestInfra;

/**
 * What happened on the machine while a benchmark run was measured, on the run's own time axis (ms since the run
 * began), so that the slowest orders can be laid beside it:
 * <ul>
 * <li>PostgreSQL's log: checkpoints, autovacuum, and every statement (the commits too) that took
 * {@value #SLOW_STATEMENT_MS} ms or more — the benchmark switches that logging on (ALTER SYSTEM, reload) and resets it
 * afterwards; it changes nothing but the log;</li>
 * <li>the broker JVM's GC pauses (test-infra writes its GC log);</li>
 * <li>this JVM's (the service's, the producer's and the watcher's) GC pauses, from the collectors' notifications;</li>
 * <li>hiccups: a thread that sleeps 1 ms and notes every wake-up more than {@value #HICCUP_MS} ms late — this JVM
 * stopped (a safepoint) or found no core.</li>
 * </ul>
 */
final class StallDiagnostics {

    static final int SLOW_STATEMENT_MS = 20;
    static final int HICCUP_MS = 10;
    private static final int GC_PAUSE_MS = 5;
    /** Broker GC log: {@code [2026-12-07T18:30:01.123+0000][12.345s] GC(5) Pause Young (Allocation Failure) ... 12.345ms}. */
    private static final Pattern BROKER_GC = Pattern.compile("^\\[([^\\]]+)\\]\\[[^\\]]*\\] GC\\(\\d+\\) (Pause.*?) ([0-9.]+)ms$");
    private static final DateTimeFormatter GC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    /** PostgreSQL's log with {@code log_line_prefix = '%n [%p] '}: epoch seconds with milliseconds first. */
    private static final Pattern DURATION = Pattern.compile("duration: ([0-9.]+) ms (?:execute [^:]*: |statement: )?(.*)");
    private static final Pattern PG_LINE = Pattern.compile("^(\\d{9,}\\.\\d{3}) \\[\\d+\\] (.*)$");

    /** A moment of the wall clock and of System.nanoTime taken together, to put wall-clock times on the nano axis. */
    private final long wallNanos0 = toNanos(Instant.now());
    private final long nano0 = System.nanoTime();

    private record Event(long at, String what) {
    }

    private final Queue<Event> jvmEvents = new ConcurrentLinkedQueue<>();
    private final List<Runnable> undo = new ArrayList<>();
    private volatile boolean running = true;
    private Thread hiccups;
    private long pgLogOffset;
    private Map<Long, Long> cpuAtStart = Map.of();
    private long gcLogOffset;

    /** Starts the hiccup thread and the GC listeners, and turns PostgreSQL's slow-statement log on. */
    void start() throws SQLException {
        hiccups = new Thread(this::watchHiccups, "benchmark-hiccups");
        hiccups.setDaemon(true);
        hiccups.start();
        NotificationListener listener = (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                        .from((CompositeData) notification.getUserData());
                long ms = info.getGcInfo().getDuration();
                if (ms >= GC_PAUSE_MS) {
                    jvmEvents.add(new Event(System.nanoTime(), "this JVM: " + info.getGcName() + " ("
                            + info.getGcCause() + ") " + ms + " ms"));
                }
            }
        };
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                undo.add(() -> {
                    try {
                        emitter.removeNotificationListener(listener);
                    } catch (Exception e) {
                        // gone already
                    }
                });
            }
        }
        pgSettings("ALTER SYSTEM SET log_min_duration_statement = '" + SLOW_STATEMENT_MS + "ms'",
                "ALTER SYSTEM SET log_checkpoints = on", "ALTER SYSTEM SET log_autovacuum_min_duration = 0",
                "ALTER SYSTEM SET log_line_prefix = '%n [%p] '");
        pgLogOffset = size(TestInfra.postgres().serverLog());
        gcLogOffset = size(TestInfra.kafka().gcLog());
    }

    void stop() throws Exception {
        running = false;
        hiccups.join();
        undo.forEach(Runnable::run);
        pgSettings("ALTER SYSTEM RESET log_min_duration_statement", "ALTER SYSTEM RESET log_checkpoints",
                "ALTER SYSTEM RESET log_autovacuum_min_duration", "ALTER SYSTEM RESET log_line_prefix");
    }

    /** Notes the CPU time of every PostgreSQL and Java process, for {@link #report}'s CPU per process. */
    void runBegins() {
        cpuAtStart = cpuTicks();
    }

    /** A wall-clock instant (e.g. a PostgreSQL timestamp) on the System.nanoTime axis. */
    long nanoTimeOf(Instant instant) {
        return nano0 + (toNanos(instant) - wallNanos0);
    }

    /**
     * Prints, for the run that began at {@code start} (nanoTime), its slowest orders and every event from the run's
     * start to {@code end}: the orders with their send time, lag, and when their transaction began (its first
     * statement: the outbox row's {@code created_at}) and was seen committed. Also splits every order's lag into
     * "sent → its transaction began" and "transaction began → committed".
     */
    void report(List<String> ids, long start, long end, Map<String, Long> sentAt, Map<String, Long> reservedAt,
            Map<String, Long> transactionAt) {
        Function<Long, String> t = nanos -> String.format("%,.0f", (nanos - start) / 1e6);
        long[] waits = ids.stream().filter(transactionAt::containsKey)
                .mapToLong(id -> transactionAt.get(id) - sentAt.get(id)).sorted().toArray();
        long[] transactions = ids.stream().filter(transactionAt::containsKey)
                .mapToLong(id -> reservedAt.get(id) - transactionAt.get(id)).sorted().toArray();
        long count = ids.stream().filter(transactionAt::containsKey).map(transactionAt::get).distinct().count();
        System.out.printf("  %,d transactions; sent → transaction began: p50 %s, p99 %s, max %s ms;"
                + " transaction began → seen committed: p50 %s, p99 %s, max %s ms%n", count,
                ms(percentile(waits, 0.5)), ms(percentile(waits, 0.99)), ms(percentile(waits, 1)),
                ms(percentile(transactions, 0.5)), ms(percentile(transactions, 0.99)), ms(percentile(transactions, 1)));
        List<String> slowest = ids.stream()
                .sorted(Comparator.comparingLong((String id) -> reservedAt.get(id) - sentAt.get(id)).reversed())
                .limit(20).toList();
        System.out.println("  the 20 slowest orders (t = ms since the run began):");
        for (String id : slowest) {
            Long began = transactionAt.get(id);
            System.out.printf("    sent t=%s lag %s ms; its transaction began t=%s, seen committed t=%s%n",
                    t.apply(sentAt.get(id)), ms(reservedAt.get(id) - sentAt.get(id)),
                    began == null ? "?" : t.apply(began), t.apply(reservedAt.get(id)));
        }
        List<Event> events = new ArrayList<>();
        jvmEvents.stream().filter(e -> e.at() >= start && e.at() <= end).forEach(events::add);
        events.addAll(postgresLog());
        events.addAll(brokerGc());
        events.removeIf(e -> e.at() < start || e.at() > end || e.what().startsWith("PostgreSQL: DETAIL"));
        events.sort(Comparator.comparingLong(Event::at));
        // Statements under 50 ms are only counted, per statement.
        Map<String, long[]> counted = new java.util.TreeMap<>();
        events.removeIf(e -> {
            Matcher m = DURATION.matcher(e.what());
            if (!m.find() || Double.parseDouble(m.group(1)) >= 50) {
                return false;
            }
            long[] c = counted.computeIfAbsent(m.group(2).length() > 90 ? m.group(2).substring(0, 90) : m.group(2),
                    k -> new long[2]);
            c[0]++;
            c[1] += Math.round(Double.parseDouble(m.group(1)));
            return true;
        });

        System.out.printf("  during the run (PostgreSQL's log: statements ≥ %d ms, checkpoints, autovacuum; GC pauses"
                + " ≥ %d ms; hiccups ≥ %d ms): %s%n", SLOW_STATEMENT_MS, GC_PAUSE_MS, HICCUP_MS,
                events.isEmpty() ? "nothing" : events.size() + " events");
        counted.forEach((statement, c) -> System.out.printf("    statements of 20–50 ms: %,d × (%,d ms in all) %s%n", c[0], c[1], statement));
        events.forEach(e -> System.out.printf("    t=%s %s%n", t.apply(e.at()), e.what()));
        printCpu((end - start) / 1e9);
    }

    /**
     * The outbox table as the relay finds it now: live and dead rows, when autovacuum last ran, the size of the
     * partial index of unsent rows, and what the relay's query for unsent rows costs (EXPLAIN ANALYZE, as the relay
     * asks it: from id 0, 500 rows) and the outbox monitor's count.
     */
    static void printOutbox(javax.sql.DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            try (java.sql.ResultSet rows = statement.executeQuery("""
                    select n_live_tup, n_dead_tup, extract(epoch from now() - last_autovacuum)::int, autovacuum_count,
                           extract(epoch from now() - last_autoanalyze)::int,
                           pg_relation_size('kit_outbox_unsent') / 8192, pg_relation_size('kit_outbox') / 8192,
                           (select sum(autovacuum_count) from pg_stat_user_tables),
                           (select count(*) from pg_stat_activity where backend_type = 'autovacuum worker'),
                           current_setting('autovacuum'),
                           (select count(*) from pg_stat_activity where backend_type = 'autovacuum launcher')
                    from pg_stat_user_tables where relname = 'kit_outbox'""")) {
                rows.next();
                System.out.printf("  kit_outbox now: %,d live rows, %,d dead; autovacuum %s s ago (%d so far),"
                        + " autoanalyze %s s ago; index of unsent rows %,d pages, table %,d pages; autovacuum runs"
                        + " on all tables so far %d, workers now %d (autovacuum = %s, launchers %d)%n",
                        rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getLong(4), rows.getString(5),
                        rows.getLong(6), rows.getLong(7), rows.getLong(8), rows.getLong(9), rows.getString(10),
                        rows.getLong(11));
            }
            statement.execute(OutboxRelay.INDEX_ORDER); // as on the relay's session
            try {
                explain(statement, "the relay's query for unsent rows",
                        OutboxRelay.UNSENT.replaceFirst("\\?", "0").replaceFirst("\\?", "500"));
            } finally {
                statement.execute(OutboxRelay.INDEX_ORDER_RESET);
            }
            explain(statement, "the outbox monitor's count", OutboxMonitor.BACKLOG);
        } catch (SQLException e) {
            System.out.println("  kit_outbox: " + e.getMessage());
        }
    }

    private static void explain(Statement statement, String what, String query) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (java.sql.ResultSet plan = statement.executeQuery("explain (analyze, buffers) " + query)) {
            while (plan.next()) {
                String line = plan.getString(1).strip();
                if (line.contains("Scan") || line.contains("Buffers") || line.contains("Execution Time")
                        || line.contains("Heap Fetches") || line.contains("Rows Removed")) {
                    lines.add(line);
                }
            }
        }
        System.out.printf("  %s now: %s%n", what, String.join(" | ", lines));
    }

    /** utime + stime (clock ticks) of every process named postgres or java, by pid. */
    private static Map<Long, Long> cpuTicks() {
        Map<Long, Long> ticks = new java.util.HashMap<>();
        try (var pids = Files.list(Path.of("/proc"))) {
            pids.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (name.equals("postgres") || name.equals("java")) {
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks.put(Long.parseLong(p.getFileName().toString()),
                                Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
                    }
                } catch (IOException | RuntimeException e) {
                    // ended meanwhile
                }
            });
        } catch (IOException e) {
            // no /proc: not Linux
        }
        return ticks;
    }

    /** CPU seconds per process during the run, the busiest first, named (PostgreSQL: what the backend last ran). */
    private void printCpu(double seconds) {
        Map<Long, Long> now = cpuTicks();
        Map<Long, String> names = new java.util.HashMap<>();
        names.put(ProcessHandle.current().pid(), "this JVM (service, producer, watcher)");
        try {
            names.put(Long.parseLong(Files.readString(TestInfra.kafka().gcLog().resolveSibling("broker.pid")).trim()),
                    "broker JVM");
        } catch (IOException | RuntimeException e) {
            // unknown
        }
        try (Connection admin = TestInfra.postgres().connectAsSuperuser("postgres");
                Statement statement = admin.createStatement();
                java.sql.ResultSet rows = statement.executeQuery("select pid, backend_type, "
                        + "coalesce(usename, ''), left(regexp_replace(query, '\\s+', ' ', 'g'), 70) from pg_stat_activity")) {
            while (rows.next()) {
                names.put(rows.getLong(1), "PostgreSQL " + rows.getString(2) + " " + rows.getString(3) + ": "
                        + rows.getString(4));
            }
        } catch (SQLException e) {
            // unnamed
        }
        double hz = 100;
        List<Map.Entry<Long, Long>> used = now.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - cpuAtStart.getOrDefault(e.getKey(), e.getValue())))
                .filter(e -> e.getValue() > 0).sorted(Map.Entry.<Long, Long>comparingByValue().reversed()).toList();
        System.out.printf("  CPU during the run (%.1f s on %d cores), per process:%n", seconds,
                Runtime.getRuntime().availableProcessors());
        used.stream().limit(8).forEach(e -> System.out.printf("    %5.2f s  %d %s%n", e.getValue() / hz, e.getKey(),
                names.getOrDefault(e.getKey(), "")));
    }

    private static String ms(long nanos) {
        return String.format("%,.0f", nanos / 1e6);
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.max(0, Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1))];
    }

    private void watchHiccups() {
        long last = System.nanoTime();
        while (running) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            long late = now - last - 1_000_000;
            if (late > HICCUP_MS * 1_000_000L) {
                jvmEvents.add(new Event(now, String.format("this JVM: hiccup, a 1-ms sleep woke %.0f ms late", late / 1e6)));
            }
            last = now;
        }
    }

    private List<Event> postgresLog() {
        List<Event> events = new ArrayList<>();
        for (String line : readFrom(TestInfra.postgres().serverLog(), pgLogOffset)) {
            Matcher m = PG_LINE.matcher(line);
            if (m.matches()) {
                String text = m.group(2).replaceAll("\\s+", " ");
                long millis = Math.round(Double.parseDouble(m.group(1)) * 1000);
                events.add(new Event(nanoTimeOf(Instant.ofEpochMilli(millis)),
                        "PostgreSQL: " + (text.length() > 160 ? text.substring(0, 160) + "…" : text)));
            }
        }
        return events;
    }

    private List<Event> brokerGc() {
        List<Event> events = new ArrayList<>();
        for (String line : readFrom(TestInfra.kafka().gcLog(), gcLogOffset)) {
            Matcher m = BROKER_GC.matcher(line.trim());
            if (m.matches() && Double.parseDouble(m.group(3)) >= GC_PAUSE_MS) {
                Instant at = OffsetDateTime.parse(m.group(1), GC_TIME).toInstant();
                events.add(new Event(nanoTimeOf(at), "broker JVM: " + m.group(2) + " " + m.group(3) + " ms"));
            }
        }
        return events;
    }

    private static List<String> readFrom(Path file, long offset) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            if (in.length() < offset) {
                offset = 0; // rotated
            }
            in.seek(offset);
            byte[] bytes = new byte[(int) (in.length() - offset)];
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            return List.of("(could not read " + file + ": " + e.getMessage() + ")");
        }
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static void pgSettings(String... statements) throws SQLException {
        try (Connection admin = TestInfra.postgres().connectAsSuperuser("postgres");
                Statement statement = admin.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
            statement.execute("SELECT pg_reload_conf()");
        }
    }

    private static long toNanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
