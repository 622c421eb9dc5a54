package org.ordercycle.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.ordercycle.contact.ContactTestResource;
import org.ordercycle.contact.Crm;
import org.ordercycle.contact.search.SearchService;

/**
 * Loads 100,000 parties (40,000 organizations, 60,000 persons working for them, every one with a phone number) and
 * prints p50/p99 of the switchboard and of both searches (with a typo) over HTTP, one request after the other after a
 * warm-up. Not part of the build (excluded by name, outside {@code org/ordercycle/contact/**}); run:
 *
 * <pre>./mvnw -B verify -pl contact-service -am -Dtest=ContactBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * {@code -Dbenchmark.requests=…} changes the number of measured requests per kind (default 2,000).
 */
@QuarkusTest
@WithTestResource(ContactTestResource.class)
class ContactBenchmark {

    private static final int ORGANIZATIONS = 40_000;
    private static final int PERSONS = 60_000;
    private static final String[] FIRST = {"Anna", "Bernd", "Clara", "Dieter", "Eva", "Frank", "Greta", "Hans", "Ida",
        "Jonas", "Karin", "Lukas", "Maria", "Nils", "Olga", "Paul", "Rita", "Stefan", "Tina", "Uwe"};
    private static final String[] LAST = {"Schmidt", "Mueller", "Schneider", "Fischer", "Weber", "Meyer", "Wagner",
        "Becker", "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schroeder", "Neumann", "Schwarz", "Braun",
        "Zimmermann", "Krueger", "Hartmann", "Lange", "Werner", "Krause", "Lehmann", "Koehler", "Herrmann", "Walter",
        "Kaiser", "Fuchs"};
    private static final String[] WORDS = {"Stahl", "Bau", "Nord", "Sued", "Technik", "Logistik", "Handel", "Werke",
        "Maschinen", "Elektro", "Anlagen", "Holz", "Chemie", "Energie", "Medien", "Textil", "Papier", "Glas", "Metall",
        "Kunststoff"};

    /** The benchmark's organizations, numbered from 0. */
    private static final String BENCH_ORG = """
            with bench_org as (select id, row_number() over (order by id) - 1 as i from organization
                               where registered_by = 'benchmark')
            """;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SearchService search;

    private final HttpClient http = HttpClient.newHttpClient();
    private final Random random = new Random(42);

    @Test
    void switchboardAndSearchWith100000Parties() throws Exception {
        long loading = System.nanoTime();
        load();
        analyze();
        System.out.printf("%nLoaded %,d organizations and %,d persons in %.1f s%n", ORGANIZATIONS, PERSONS,
                (System.nanoTime() - loading) / 1e9);
        int requests = Integer.getInteger("benchmark.requests", 2_000);

        measure("switchboard (a person's number, national form)", requests,
                () -> "/switchboard?phone=" + encode("030 " + (1_000_000 + random.nextInt(PERSONS))));
        measure("search persons by name, one typo", requests, () -> "/search/persons?name="
                + encode(FIRST[random.nextInt(FIRST.length)] + " " + typo(LAST[random.nextInt(LAST.length)])));
        measure("search organizations by name, one typo, with their people", requests, () -> "/search/organizations?name="
                + encode(typo(WORDS[random.nextInt(WORDS.length)]) + " " + WORDS[random.nextInt(WORDS.length)] + " "
                        + random.nextInt(ORGANIZATIONS)));

        System.out.println("The same in the service, without HTTP and token checks:");
        measureInProcess("switchboard", requests,
                () -> search.switchboard("030 " + (1_000_000 + random.nextInt(PERSONS))));
        measureInProcess("search persons", requests, () -> search.persons(
                FIRST[random.nextInt(FIRST.length)] + " " + typo(LAST[random.nextInt(LAST.length)]), 0, 20));
        measureInProcess("search organizations", requests, () -> search.organizations(
                typo(WORDS[random.nextInt(WORDS.length)]) + " " + WORDS[random.nextInt(WORDS.length)] + " "
                        + random.nextInt(ORGANIZATIONS), 0, 20));
        // the slowest kinds of the mix above, apart: words thousands of names hold
        int fewer = Math.max(200, requests / 4);
        measureInProcess("organizations, a word twice (once misspelled) and a number", fewer, () -> {
            String word = WORDS[random.nextInt(WORDS.length)];
            search.organizations(typo(word) + " " + word + " " + random.nextInt(ORGANIZATIONS), 0, 20);
        });
        measureInProcess("organizations, one word (4,000 names hold it)", fewer,
                () -> search.organizations(WORDS[random.nextInt(WORDS.length)], 0, 20));
        measureInProcess("persons, a first name only (3,000 names hold it)", fewer,
                () -> search.persons(FIRST[random.nextInt(FIRST.length)], 0, 20));
    }

    private void measureInProcess(String what, int requests, Runnable call) {
        for (int i = 0; i < Math.max(200, requests / 5); i++) {
            call.run();
        }
        long[] nanos = new long[requests];
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            call.run();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("  %-58s p50 %6.2f ms   p99 %6.2f ms   max %6.2f ms%n", what, nanos[requests / 2] / 1e6,
                nanos[(int) (requests * 0.99)] / 1e6, nanos[requests - 1] / 1e6);
    }

    private void measure(String what, int requests, Supplier<String> path) throws Exception {
        for (int i = 0; i < Math.max(200, requests / 5); i++) {
            call(path.get());
        }
        long[] nanos = new long[requests];
        for (int i = 0; i < requests; i++) {
            String next = path.get();
            long start = System.nanoTime();
            call(next);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("%-60s p50 %6.2f ms   p99 %6.2f ms   max %6.2f ms   (%,d requests)%n", what,
                nanos[requests / 2] / 1e6, nanos[(int) (requests * 0.99)] / 1e6, nanos[requests - 1] / 1e6, requests);
    }

    private void call(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                .header("Authorization", "Bearer " + Crm.CRM).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
    }

    /** Two neighbouring letters swapped. */
    private String typo(String word) {
        int at = 1 + random.nextInt(word.length() - 2);
        char[] letters = word.toCharArray();
        char swap = letters[at];
        letters[at] = letters[at + 1];
        letters[at + 1] = swap;
        return new String(letters);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The parties straight into the tables (the API would take minutes); the service's indexes as they are. */
    private void load() throws Exception {
        String words = array(WORDS);
        String first = array(FIRST);
        String last = array(LAST);
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("""
                    insert into organization (id, name, name_key, tier, classification, account_owner, currency,
                        payment_term_days, discount_percent, registered_at, registered_by, roles, own_group, announced)
                    select gen_random_uuid(), n, lower(n), 'C', 'EXTERNAL', 'owner' || (i %% 50), 'EUR', 30, 0, now(),
                           'benchmark', '{CUSTOMER}', false, true
                    from (select i, (%1$s)[1 + i %% 20] || ' ' || (%1$s)[1 + (i / 20) %% 20] || ' ' || i as n
                          from generate_series(0, %2$d) i) g""".formatted(words, ORGANIZATIONS - 1));
            sql.execute("""
                    insert into person (id, first_name, last_name, name_key, roles, tier, classification, currency,
                        payment_term_days, discount_percent, announced, registered_at, registered_by)
                    select gen_random_uuid(), f, l, lower(f || ' ' || l), '{}', 'C', 'EXTERNAL', 'EUR', 30, 0, false,
                           now(), 'benchmark-' || i
                    from (select i, (%s)[1 + i %% 20] as f, (%s)[1 + (i / 20) %% 30] as l
                          from generate_series(0, %d) i) g""".formatted(first, last, PERSONS - 1));
            sql.execute(BENCH_ORG + """
                    insert into employment (id, person_id, organization_id, position, recorded_at, recorded_by)
                    select gen_random_uuid(), p.id, o.id, 'Buyer', now(), 'benchmark'
                    from person p join bench_org o on o.i = cast(substr(p.registered_by, 11) as int) %% %d
                    where p.registered_by like 'benchmark-%%'""".formatted(ORGANIZATIONS));
            sql.execute("""
                    insert into contact_mechanism (id, party_id, kind, phone, phone_digits, billing, preferred)
                    select gen_random_uuid(), id, 'PHONE', '+49 30 ' || (1000000 + cast(substr(registered_by, 11) as int)),
                           '4930' || (1000000 + cast(substr(registered_by, 11) as int)), true, false
                    from person where registered_by like 'benchmark-%'""");
            sql.execute(BENCH_ORG + """
                    insert into contact_mechanism (id, party_id, kind, phone, phone_digits, billing, preferred)
                    select gen_random_uuid(), id, 'PHONE', '+49 40 ' || (2000000 + i), '4940' || (2000000 + i), true, false
                    from bench_org""");
            try (ResultSet count = sql.executeQuery("select (select count(*) from organization) + (select count(*) from person)")) {
                count.next();
                assertThat(count.getLong(1)).isGreaterThanOrEqualTo(ORGANIZATIONS + PERSONS);
            }
        }
    }

    /** The service's user may not analyze; the owner (who migrates) may: fresh statistics for the planner. */
    private static void analyze() throws Exception {
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        try (Connection owner = java.sql.DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.flyway.username", String.class),
                config.getValue("quarkus.flyway.password", String.class));
                Statement sql = owner.createStatement()) {
            sql.execute("analyze");
        }
    }

    private static String array(String[] values) {
        List<String> quoted = new ArrayList<>();
        for (String value : values) {
            quoted.add("'" + value + "'");
        }
        return "array[" + String.join(",", quoted) + "]";
    }
}
