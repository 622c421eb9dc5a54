package org.ordercycle.contact.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The words of a normalized query, each with the words of the names it may stand for (the same word, a similar one,
 * the same letters in another order; a number only for itself), and the SQL condition "the name holds them": every
 * word for a query of one or two words, all but one of them for a longer one (one word may be misspelled beyond
 * recognition, or be a number the name does not hold).
 */
final class NameWords {

    /** Longer queries are searched as a whole only. */
    static final int MOST = 8;

    /** The distinct sets of name words the query's words may stand for; empty: none of any name. */
    private final List<Set<String>> meanings;
    /** Per query word (as typed, repeated ones too), the index of its meaning. */
    private final List<Integer> words;

    private NameWords(List<Set<String>> meanings, List<Integer> words) {
        this.meanings = meanings;
        this.words = words;
    }

    /**
     * @param query   the normalized query (words separated by single spaces)
     * @param similar looks the given words up: by word, the name words similar to it
     */
    static NameWords of(String query, Function<List<String>, Map<String, Set<String>>> similar) {
        List<String> typed = List.of(query.split(" "));
        List<String> lookedUp = typed.stream().filter(word -> !number(word)).distinct().toList();
        Map<String, Set<String>> found = lookedUp.isEmpty() || typed.size() > MOST ? Map.of() : similar.apply(lookedUp);
        List<Set<String>> meanings = new ArrayList<>();
        List<Integer> words = new ArrayList<>();
        for (String word : typed) {
            Set<String> meaning = number(word) ? Set.of(word) : Set.copyOf(found.getOrDefault(word, Set.of()));
            if (!meanings.contains(meaning)) {
                meanings.add(meaning);
            }
            words.add(meanings.indexOf(meaning));
        }
        return new NameWords(List.copyOf(meanings), List.copyOf(words));
    }

    /** The condition on the name (SQL expression {@code nameKey}); null when no name can satisfy it. */
    Condition condition(String nameKey) {
        int n = words.size();
        if (n > MOST) {
            return null;
        }
        // one or two words: all of them; more: all but one (each one left out in turn)
        Set<Set<Integer>> alternatives = new LinkedHashSet<>();
        for (int left = n <= 2 ? -1 : 0; left < (n <= 2 ? 0 : n); left++) {
            Set<Integer> held = new TreeSet<>();
            for (int i = 0; i < n; i++) {
                if (i != left) {
                    held.add(words.get(i));
                }
            }
            if (held.stream().noneMatch(meaning -> meanings.get(meaning).isEmpty())) {
                alternatives.add(held);
            }
        }
        if (alternatives.isEmpty()) {
            return null;
        }
        Map<String, Object> parameters = new TreeMap<>();
        List<String> sql = new ArrayList<>();
        for (Set<Integer> held : alternatives) {
            sql.add(String.join(" and ", held.stream().map(meaning -> {
                parameters.put("w" + meaning, String.join(" ", meanings.get(meaning)));
                return "string_to_array(%s, ' ') && string_to_array(:w%d, ' ')".formatted(nameKey, meaning);
            }).toList()));
        }
        return new Condition(List.copyOf(sql), parameters);
    }

    /** The letters of a word in code point order (what {@code name_letters} in the database gives). */
    static String letters(String word) {
        return word.codePoints().sorted()
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private static boolean number(String word) {
        return word.codePoints().allMatch(Character::isDigit);
    }

    /**
     * The SQL condition "the name holds them" as alternatives, each a conjunction of its own (a name satisfying any
     * one of them satisfies the condition), with their named parameters.
     */
    record Condition(List<String> alternatives, Map<String, Object> parameters) {
    }
}
