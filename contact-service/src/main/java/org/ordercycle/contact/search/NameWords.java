package org.ordercycle.contact.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The words of a normalized query, each with the words of the names it may stand for (the same word, a similar one,
 * the same letters in another order; a number only for itself), and the SQL condition "the name holds them": every
 * word for a query of one or two words, all but one of them for a longer one (one word may be misspelled beyond
 * recognition). Query words that stand for the same name words count once ("kunststoff kunstoff").
 */
final class NameWords {

    /** Longer queries are searched as a whole only. */
    static final int MOST = 8;

    /** The name words each query word may stand for; empty: none of any name. */
    private final List<Set<String>> meanings;

    private NameWords(List<Set<String>> meanings) {
        this.meanings = meanings;
    }

    /**
     * @param query   the normalized query (words separated by single spaces)
     * @param similar looks the given words up: by word, the name words similar to it
     */
    static NameWords of(String query, Function<List<String>, Map<String, Set<String>>> similar) {
        List<String> words = List.copyOf(new LinkedHashSet<>(List.of(query.split(" "))));
        List<String> lookedUp = words.stream().filter(word -> !number(word)).toList();
        Map<String, Set<String>> found = lookedUp.isEmpty() || words.size() > MOST ? Map.of() : similar.apply(lookedUp);
        Set<Set<String>> meanings = new LinkedHashSet<>();
        for (String word : words) {
            meanings.add(number(word) ? Set.of(word) : Set.copyOf(found.getOrDefault(word, Set.of())));
        }
        return new NameWords(List.copyOf(meanings));
    }

    /** The condition on the name (SQL expression {@code nameKey}); null when no name can satisfy it. */
    Condition condition(String nameKey) {
        int n = meanings.size();
        if (n == 0 || n > MOST) {
            return null;
        }
        List<String> alternatives = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        // one or two words: all of them; more: all but one (each one left out in turn)
        for (int left = n <= 2 ? -1 : 0; left < (n <= 2 ? 0 : n); left++) {
            List<String> holds = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (i != left) {
                    holds.add("string_to_array(%s, ' ') && string_to_array(:w%d, ' ')".formatted(nameKey, i));
                }
            }
            int skipped = left;
            boolean possible = true;
            for (int i = 0; i < n; i++) {
                possible &= i == skipped || !meanings.get(i).isEmpty();
            }
            if (possible) {
                alternatives.add("(" + String.join(" and ", holds) + ")");
                for (int i = 0; i < n; i++) {
                    if (i != skipped) {
                        parameters.put("w" + i, String.join(" ", meanings.get(i)));
                    }
                }
            }
        }
        return alternatives.isEmpty() ? null : new Condition(String.join(" or ", alternatives), parameters);
    }

    /** The letters of a word in code point order (what {@code name_letters} in the database gives). */
    static String letters(String word) {
        return word.codePoints().sorted()
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private static boolean number(String word) {
        return word.codePoints().allMatch(Character::isDigit);
    }

    /** An SQL condition with its named parameters. */
    record Condition(String sql, Map<String, Object> parameters) {
    }
}
