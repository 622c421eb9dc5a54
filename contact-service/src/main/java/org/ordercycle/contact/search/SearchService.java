package org.ordercycle.contact.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.ordercycle.contact.ContactConfig;
import org.ordercycle.contact.party.Party;
import org.ordercycle.contact.party.PhoneNumbers;
import org.ordercycle.kit.api.ProblemException;

/**
 * Finds parties both ways — organizations by name with their people, persons by name with their organizations —
 * tolerant to case, accents, punctuation and small typos; and who is calling from a phone number (one indexed lookup
 * on the normalized digits).
 *
 * <p>A name matches when the query is similar enough to it (pg_trgm word similarity of the normalized query to the
 * normalized name, at least {@code contact.search.similarity}); the most similar come first. Found in two steps
 * ({@link NameWords}): first the parties whose names hold the query's words (each allowing a typo), then, only when
 * those do not fill the page, every other match of the whole query after them.
 */
@ApplicationScoped
@Transactional
public class SearchService {

    private static final String CURRENT = "(e.valid_from is null or e.valid_from <= :today) "
            + "and (e.valid_to is null or e.valid_to >= :today)";

    private final EntityManager entities;
    private final Clock clock;
    private final double similarity;
    private final int candidates;
    private final String countryCode;

    SearchService(EntityManager entities, Clock clock, ContactConfig config) {
        this.entities = entities;
        this.clock = clock;
        this.similarity = config.search().similarity();
        this.candidates = config.search().candidates();
        this.countryCode = config.switchboard().defaultCountryCode();
    }

    public SearchPage<OrganizationHit> organizations(String name, int page, int size) {
        List<Object[]> rows = hits("o.id, o.name, o.classification, o.tier, o.account_owner", "organization o",
                normalized(name), page, size);
        boolean more = rows.size() > size;
        List<Object[]> shown = more ? rows.subList(0, size) : rows;
        Map<UUID, List<OrganizationHit.PersonAt>> people = new LinkedHashMap<>();
        shown.forEach(row -> people.put((UUID) row[0], new ArrayList<>()));
        if (!people.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object[]> employed = entities.createNativeQuery("""
                    select e.organization_id, p.id, p.first_name || ' ' || p.last_name, e.position, e.department
                    from employment e join person p on p.id = e.person_id
                    where e.organization_id in (:ids) and %s
                    order by p.last_name, p.first_name""".formatted(CURRENT))
                    .setParameter("ids", people.keySet()).setParameter("today", today()).getResultList();
            employed.forEach(row -> people.get((UUID) row[0]).add(new OrganizationHit.PersonAt((UUID) row[1],
                    (String) row[2], (String) row[3], (String) row[4])));
        }
        List<OrganizationHit> items = shown.stream().map(row -> new OrganizationHit((UUID) row[0], (String) row[1],
                (String) row[2], (String) row[3], (String) row[4], ((Number) row[5]).doubleValue(),
                people.get((UUID) row[0]))).toList();
        return new SearchPage<>(name, page, size, items, more);
    }

    public SearchPage<PersonHit> persons(String name, int page, int size) {
        List<Object[]> rows = hits("p.id, p.first_name || ' ' || p.last_name, p.classification, p.account_owner",
                "person p", normalized(name), page, size);
        boolean more = rows.size() > size;
        List<Object[]> shown = more ? rows.subList(0, size) : rows;
        Map<UUID, List<PersonHit.Workplace>> workplaces = new LinkedHashMap<>();
        shown.forEach(row -> workplaces.put((UUID) row[0], new ArrayList<>()));
        if (!workplaces.isEmpty()) {
            workplaces(workplaces.keySet()).forEach(row -> workplaces.get((UUID) row[0]).add(workplace(row)));
        }
        List<PersonHit> items = shown.stream().map(row -> new PersonHit((UUID) row[0], (String) row[1],
                (String) row[2], (String) row[3], ((Number) row[4]).doubleValue(), workplaces.get((UUID) row[0])))
                .toList();
        return new SearchPage<>(name, page, size, items, more);
    }

    /** Who has this number: persons with the organizations they work for, organizations; and whom to call. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SwitchboardView switchboard(String phone) {
        String digits = PhoneNumbers.digits(phone, countryCode);
        if (digits.length() < 3) {
            throw ProblemException.badRequest("phone", "must hold a phone number");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("""
                select m.party_id,
                       case when p.id is null then 'ORGANIZATION' else 'PERSON' end,
                       coalesce(p.first_name || ' ' || p.last_name, o.name),
                       coalesce(p.account_owner, o.account_owner),
                       eo.id, eo.name, e.position, e.department, eo.account_owner
                from contact_mechanism m
                left join person p on p.id = m.party_id
                left join organization o on o.id = m.party_id
                left join employment e on e.person_id = p.id and %s
                left join organization eo on eo.id = e.organization_id
                where m.phone_digits = :digits and (p.id is not null or o.id is not null)
                order by m.party_id, eo.name""".formatted(CURRENT))
                .setParameter("digits", digits).setParameter("today", today()).getResultList();
        Map<UUID, Object[]> parties = new LinkedHashMap<>();
        Map<UUID, List<PersonHit.Workplace>> workplaces = new LinkedHashMap<>();
        for (Object[] row : rows) {
            UUID party = (UUID) row[0];
            parties.putIfAbsent(party, row);
            List<PersonHit.Workplace> places = workplaces.computeIfAbsent(party, id -> new ArrayList<>());
            if (row[4] != null && places.stream().noneMatch(place -> place.organizationId().equals(row[4]))) {
                places.add(new PersonHit.Workplace((UUID) row[4], (String) row[5], (String) row[6], (String) row[7]));
            }
        }
        List<SwitchboardView.Caller> callers = parties.values().stream().map(row -> {
            String owner = (String) row[3];
            if (owner == null) {
                owner = rows.stream().filter(other -> other[0].equals(row[0]) && other[8] != null)
                        .map(other -> (String) other[8]).findFirst().orElse(null);
            }
            return new SwitchboardView.Caller((UUID) row[0], (String) row[1], (String) row[2],
                    workplaces.get((UUID) row[0]), owner);
        }).toList();
        return new SwitchboardView(phone, digits, callers);
    }

    /**
     * The page's rows (at most size + 1: one more tells there is a next page), each the given columns and the score:
     * first the matches holding the query's words, best first, then — only when they do not reach past the page —
     * the other matches of the whole query, best first. {@code from} is the table with its alias, whose {@code id}
     * and {@code name_key} the query uses.
     *
     * <p>Each step ranks a bounded number of names ({@code contact.search.candidates}, or the rows up to the page's
     * end when more): of the names satisfying one alternative of the words' condition, the first by name; of the
     * whole query's matches, the first the index yields. A word held by thousands of names thus costs no more than
     * that many similarities, while a rarer alternative of the same query still brings all of its names.
     */
    private List<Object[]> hits(String columns, String from, String query, int page, int size) {
        String alias = from.substring(from.indexOf(' ') + 1);
        int wanted = page * size + size + 1;
        int ranked = Math.max(candidates, wanted);
        // the columns of the page's rows only, fetched after ranking
        String withColumns = """
                select %1$s, r.score from (%%s) r
                join %2$s on %3$s.id = r.id
                order by r.score desc, r.name_key, r.id""".formatted(columns, from, alias);
        List<Object[]> rows = new ArrayList<>();
        NameWords.Condition words = NameWords.of(query, this::similarWords).condition(alias + ".name_key");
        if (words != null) {
            String alternatives = String.join(" union ", words.alternatives().stream().map(held -> """
                    (select %1$s.id, %1$s.name_key from %2$s where %3$s order by %1$s.name_key, %1$s.id limit :ranked)"""
                    .formatted(alias, from, held)).toList());
            // the similarity once per name (a lateral subquery the planner keeps), not again in the filter
            Query byWords = entities.createNativeQuery(withColumns.formatted("""
                    select c.id, c.name_key, s.score from (%s) c
                    cross join lateral (select word_similarity(:q, c.name_key) score offset 0) s
                    where s.score >= :threshold
                    order by s.score desc, c.name_key, c.id limit :wanted""".formatted(alternatives)));
            words.parameters().forEach(byWords::setParameter);
            rows.addAll(rows(byWords.setParameter("threshold", similarity), query, wanted, ranked));
        }
        if (rows.size() < wanted) {
            // the threshold of the <% operator, for this transaction only
            entities.createNativeQuery("select set_config('pg_trgm.word_similarity_threshold', :threshold, true)")
                    .setParameter("threshold", Double.toString(similarity)).getSingleResult();
            Set<Object> shown = new HashSet<>();
            rows.forEach(row -> shown.add(row[0]));
            // the matches from the trigram index, read only as far as the limit asks (a materialized CTE is
            // planned for all its rows: never a sequential scan that a limit makes look cheap)
            String matches = "with matches as materialized (select " + alias + ".id, " + alias + ".name_key from "
                    + from + " where :q <% " + alias + ".name_key) ";
            rows(entities.createNativeQuery(matches + withColumns.formatted("""
                    select c.id, c.name_key, word_similarity(:q, c.name_key) score
                    from (select * from matches limit :ranked) c
                    order by score desc, c.name_key, c.id limit :wanted""")), query, wanted, ranked)
                    .stream().filter(row -> !shown.contains(row[0])).limit(wanted - rows.size()).forEach(rows::add);
        }
        int start = Math.min(rows.size(), page * size);
        return rows.subList(start, rows.size());
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query query, String q, int wanted, int ranked) {
        return query.setParameter("q", q).setParameter("wanted", wanted).setParameter("ranked", ranked)
                .getResultList();
    }

    /**
     * The words of the names similar to each of these (trigram similarity at pg_trgm's similarity threshold, 0.3 by
     * default) or holding the same letters in another order; by word.
     */
    private Map<String, Set<String>> similarWords(List<String> words) {
        Map<String, Set<String>> similar = new LinkedHashMap<>();
        words.forEach(word -> similar.put(word, new TreeSet<>()));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("""
                select q.word, d.word from unnest(string_to_array(:words, ' '), string_to_array(:letters, ' ')) q(word, letters)
                join name_word d on d.word % q.word or d.letters = q.letters""")
                .setParameter("words", String.join(" ", words))
                .setParameter("letters", String.join(" ", words.stream().map(NameWords::letters).toList()))
                .getResultList();
        rows.forEach(row -> similar.get((String) row[0]).add((String) row[1]));
        return similar;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> workplaces(java.util.Collection<UUID> personIds) {
        return entities.createNativeQuery("""
                select e.person_id, o.id, o.name, e.position, e.department
                from employment e join organization o on o.id = e.organization_id
                where e.person_id in (:ids) and %s order by o.name""".formatted(CURRENT))
                .setParameter("ids", personIds).setParameter("today", today()).getResultList();
    }

    private static PersonHit.Workplace workplace(Object[] row) {
        return new PersonHit.Workplace((UUID) row[1], (String) row[2], (String) row[3], (String) row[4]);
    }

    /**
     * The normalized query, each word once: a repeated word adds no trigram to the query's (the similarity is the
     * same) and asks nothing more of a name.
     */
    static String normalized(String name) {
        String query = Party.normalize(name);
        if (query.isEmpty()) {
            throw ProblemException.badRequest("name", "must hold letters or digits");
        }
        return String.join(" ", new LinkedHashSet<>(List.of(query.split(" "))));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
