package org.ordercycle.contact.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.ordercycle.contact.Crm.as;
import static org.ordercycle.contact.Crm.get;
import static org.ordercycle.contact.Crm.organization;
import static org.ordercycle.contact.Crm.person;
import static org.ordercycle.contact.Crm.post;
import static org.ordercycle.contact.Crm.put;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.ordercycle.contact.ContactConfig;
import org.ordercycle.contact.ContactTestResource;
import org.ordercycle.contact.Crm;

@QuarkusTest
@WithTestResource(ContactTestResource.class)
class SearchTest {

    @Inject
    ContactConfig config;

    @Test
    void organizationsAreFoundWithTheirPeopleAndPersonsWithTheirOrganizationsDespiteTyposAndCase() {
        String tag = tag();
        String company = "Stahlbau Nordmann " + tag;
        UUID organization = organization("{\"name\": \"%s\", \"accountOwner\": \"sam\"}".formatted(company));
        UUID person = person("""
                {"firstName": "Henrike", "lastName": "Vogelsang %s",
                 "employments": [{"organizationId": "%s", "position": "Buyer", "department": "Purchasing"}]}"""
                .formatted(tag, organization));
        UUID former = person("""
                {"firstName": "Otto", "lastName": "Gone %s",
                 "employments": [{"organizationId": "%s", "validFrom": "2010-01-01", "validTo": "2011-12-31"}]}"""
                .formatted(tag, organization));

        // typos ("Stalhbau", "Nordman"), upper case: the company, with the person who works there today
        get("/search/organizations?name=STALHBAU NORDMAN " + tag).statusCode(200)
                .body("items[0].id", equalTo(organization.toString()))
                .body("items[0].name", equalTo(company))
                .body("items[0].people.personId", contains(person.toString()))
                .body("items[0].people[0].position", equalTo("Buyer"));
        // the other way: a typo in the person's name ("Vogelsank"), lower case: the person with the company
        get("/search/persons?name=henrike vogelsank " + tag).statusCode(200)
                .body("items[0].id", equalTo(person.toString()))
                .body("items[0].name", equalTo("Henrike Vogelsang " + tag))
                .body("items[0].organizations.organizationId", contains(organization.toString()))
                .body("items[0].organizations[0].name", equalTo(company));
        get("/search/persons?name=Otto Gone " + tag).statusCode(200)
                .body("items[0].id", equalTo(former.toString()))
                .body("items[0].organizations", hasSize(0));
    }

    @Test
    void searchIsPaged() {
        String tag = tag();
        for (int i = 1; i <= 3; i++) {
            organization("{\"name\": \"Paging Works %s %d\"}".formatted(tag, i));
        }

        get("/search/organizations?name=Paging Works " + tag + "&size=2").statusCode(200)
                .body("items", hasSize(2)).body("more", equalTo(true));
        get("/search/organizations?name=Paging Works " + tag + "&size=2&page=1").statusCode(200)
                .body("items", hasSize(1)).body("more", equalTo(false));
    }

    @Test
    void swappedLettersAPartOfANameAndAWordMisspelledBeyondRecognitionStillFindTheParty() {
        String tag = tag();
        UUID clara = person("{\"firstName\": \"Clara\", \"lastName\": \"Fischer %s\"}".formatted(tag));
        UUID greta = person("{\"firstName\": \"Greta\", \"lastName\": \"Wolf %s\"}".formatted(tag));
        UUID organization = organization("{\"name\": \"Stahlbau Nordmann %s\"}".formatted(tag));

        // two letters swapped in the last name
        get("/search/persons?name=clara fihscer " + tag).statusCode(200).body("items[0].id", equalTo(clara.toString()));
        // a part of the company's name, with a typo
        get("/search/organizations?name=nordman " + tag).statusCode(200)
                .body("items[0].id", equalTo(organization.toString()));
        // "wulf" is like no word of the name ("wolf"), but the query as a whole is like the name
        get("/search/persons?name=wulf " + tag).statusCode(200).body("items.id", hasItem(greta.toString()));
    }

    @Test
    void theMostSimilarNamesComeFirstAndPagesOfEquallyGoodOnesNeitherRepeatNorSkip() {
        String tag = tag();
        UUID exact = organization("{\"name\": \"Vogelsang %s\"}".formatted(tag));
        UUID longer = organization("{\"name\": \"Vogelsang Werke %s\"}".formatted(tag));
        UUID shorter = organization("{\"name\": \"Vogel %s\"}".formatted(tag));

        var found = get("/search/organizations?name=vogelsang " + tag).statusCode(200)
                .body("items[0].id", equalTo(exact.toString())).extract();
        List<String> ids = found.path("items.id");
        assertThat(ids).contains(longer.toString(), shorter.toString());
        List<Float> scores = found.path("items.score");
        assertThat(scores).isSortedAccordingTo(Comparator.reverseOrder());

        List<String> twins = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            twins.add(organization("{\"name\": \"Twin Works %s\"}".formatted(tag)).toString());
        }
        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            paged.addAll(get("/search/organizations?name=twin works " + tag + "&size=2&page=" + page).statusCode(200)
                    .body("more", equalTo(page < 2)).extract().path("items.id"));
        }
        assertThat(paged).containsExactlyInAnyOrderElementsOf(twins);
    }

    @Test
    void aRepeatedWordFindsWhatTheWordFindsOnce() {
        String tag = tag();
        for (String name : List.of("Werft %s Nord", "Werft %s", "Hafen Werft %s 7", "Hafen %s")) {
            organization("{\"name\": \"%s\"}".formatted(name.formatted(tag)));
        }
        person("{\"firstName\": \"Hein\", \"lastName\": \"Werft %s\"}".formatted(tag));

        for (String kind : List.of("organizations", "persons")) {
            var once = get("/search/%s?name=werft %s".formatted(kind, tag)).statusCode(200).extract();
            var repeated = get("/search/%s?name=Werft werft %s WERFT %s".formatted(kind, tag, tag)).statusCode(200)
                    .extract();
            assertThat(once.<List<String>>path("items.id")).as(kind).isNotEmpty();
            assertThat(repeated.<List<String>>path("items.id")).as(kind)
                    .containsExactlyElementsOf(once.path("items.id"));
            assertThat(repeated.<List<Float>>path("items.score")).as(kind)
                    .containsExactlyElementsOf(once.path("items.score"));
        }
    }

    @Test
    void namesBeyondWhatIsRankedAtOnceArePagedByNameNeitherRepeatedNorSkipped() {
        String tag = tag();
        int count = config.search().candidates() + 30;
        List<UUID> registered = registerDirectly(tag + " Alpha", count);

        List<String> paged = new ArrayList<>();
        for (int page = 0; paged.size() < count && page < 10; page++) {
            paged.addAll(get("/search/organizations?name=%s alpha&size=100&page=%d".formatted(tag, page))
                    .statusCode(200).extract().path("items.id"));
        }
        // all equally similar: by name, the order they were registered in
        assertThat(paged).containsExactlyElementsOf(registered.stream().map(UUID::toString).toList());
    }

    @Test
    void aRareWordOfTheQueryFindsItsNameWhenAnotherPairOfItsWordsHoldsMoreNamesThanAreRanked() {
        String tag = tag();
        registerDirectly(tag + " Alpha", config.search().candidates() + 30);
        // after every "<tag> alpha …" by name: not among the first ones holding "<tag>" and "alpha"
        UUID rare = organization("{\"name\": \"%s Mondfahrt\"}".formatted(tag));

        get("/search/organizations?name=%s alpha mondfahrt".formatted(tag)).statusCode(200)
                .body("items[0].id", equalTo(rare.toString()))
                .body("items", hasSize(20)).body("more", equalTo(true));
    }

    @Test
    void aRenamedPersonIsFoundByTheNewNameOnlyAndAnErasedOneByNoneAndTheirOldWordsAreForgotten() {
        String old = tag();
        String renamed = tag();
        String erasedName = tag();
        UUID person = person("{\"firstName\": \"Otto\", \"lastName\": \"%s\"}".formatted(old));
        UUID erased = person("{\"firstName\": \"Wilma\", \"lastName\": \"%s\"}".formatted(erasedName));
        get("/search/persons?name=otto " + old).statusCode(200).body("items[0].id", equalTo(person.toString()));
        get("/search/persons?name=wilma " + erasedName).statusCode(200).body("items[0].id", equalTo(erased.toString()));
        assertThat(nameWords(old, renamed, erasedName)).containsExactlyInAnyOrder(old, erasedName);

        put("/persons/" + person, "{\"firstName\": \"Otto\", \"lastName\": \"%s\"}".formatted(renamed))
                .statusCode(200);
        post("/persons/" + erased + "/erasure", "{}").statusCode(200);

        get("/search/persons?name=otto " + renamed).statusCode(200).body("items[0].id", equalTo(person.toString()));
        get("/search/persons?name=otto " + old).statusCode(200).body("items.id", not(hasItem(person.toString())));
        get("/search/persons?name=wilma " + erasedName).statusCode(200).body("items.id", not(hasItem(erased.toString())));
        assertThat(nameWords(old, renamed, erasedName)).containsExactly(renamed);
    }

    @Test
    void theSwitchboardNamesTheCallerTheirOrganizationAndTheAccountOwner() {
        String tag = tag();
        long number = ThreadLocalRandom.current().nextLong(1_000_000, 9_999_999);
        UUID organization = organization("{\"name\": \"Switch Corp %s\", \"accountOwner\": \"olga\", \"phone\": \"+49 40 %d0\"}"
                .formatted(tag, number));
        UUID person = person("""
                {"firstName": "Carl", "lastName": "Caller %s", "phone": "+49 30 %d",
                 "employments": [{"organizationId": "%s", "position": "CFO"}]}""".formatted(tag, number, organization));

        // the same number written nationally and with 00
        get("/switchboard?phone=030 " + number).statusCode(200)
                .body("digits", equalTo("4930" + number))
                .body("callers", hasSize(1))
                .body("callers[0].partyId", equalTo(person.toString()))
                .body("callers[0].kind", equalTo("PERSON"))
                .body("callers[0].organizations[0].organizationId", equalTo(organization.toString()))
                .body("callers[0].organizations[0].position", equalTo("CFO"))
                .body("callers[0].putThroughTo", equalTo("olga"));
        get("/switchboard?phone=0049 (40) " + number + "-0").statusCode(200)
                .body("callers[0].partyId", equalTo(organization.toString()))
                .body("callers[0].kind", equalTo("ORGANIZATION"))
                .body("callers[0].putThroughTo", equalTo("olga"));
        get("/switchboard?phone=+1 555 " + number).statusCode(200).body("callers", hasSize(0));
    }

    @Test
    void everyDepartmentMaySearchAndBadParametersAre400s() {
        as(Crm.BILLING).get("/search/organizations?name=anything").then().statusCode(200);
        as(Crm.SERVICE).get("/switchboard?phone=+49 30 1").then().statusCode(200);
        get("/switchboard").statusCode(400).contentType("application/problem+json");
        get("/search/organizations").statusCode(400).contentType("application/problem+json");
        get("/search/persons?name=x&size=0").statusCode(400).contentType("application/problem+json");
        get("/search/persons?name=x&size=101").statusCode(400).contentType("application/problem+json");
        get("/search/persons?name=" + "x".repeat(201)).statusCode(400).contentType("application/problem+json");
        get("/search/persons?name=---").statusCode(400).contentType("application/problem+json");
    }

    /**
     * Organizations (suppliers: no customer events) named "{prefix} 0001" … straight into the table (the API would
     * take seconds for hundreds), in random order (the table's order is not the names'), their word list kept by the
     * table's triggers; their ids in name order.
     */
    @SuppressWarnings("unchecked")
    private static List<UUID> registerDirectly(String prefix, int count) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var entities = Panache.getEntityManager();
            entities.createNativeQuery("""
                    insert into organization (id, name, name_key, tier, classification, currency, payment_term_days,
                        discount_percent, registered_at, registered_by, roles, own_group, announced)
                    select gen_random_uuid(), n, lower(n), 'C', 'EXTERNAL', 'EUR', 30, 0, now(), 'search-test',
                           '{SUPPLIER}', false, false
                    from (select ?1 || ' ' || lpad(cast(i as text), 4, '0') n from generate_series(1, ?2) i) g
                    order by random()""")
                    .setParameter(1, prefix).setParameter(2, count).executeUpdate();
            return entities.createNativeQuery("select id from organization where name like ?1 order by name_key, id")
                    .setParameter(1, prefix + " %").getResultList();
        });
    }

    /** Which of these words the search's word list (name_word) holds. */
    @SuppressWarnings("unchecked")
    private static List<String> nameWords(String... words) {
        return QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager()
                .createNativeQuery("select word from name_word where word = any(string_to_array(?1, ' '))")
                .setParameter(1, String.join(" ", words)).getResultList());
    }

    /** A word no other test's names hold (letters only: it is part of the names searched). */
    private static String tag() {
        StringBuilder tag = new StringBuilder();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 8; i++) {
            tag.append((char) ('a' + random.nextInt(26)));
        }
        return tag.toString();
    }
}
