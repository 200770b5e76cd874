package org.qualigraph.esco;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what a user typed into a Lucene query for the ESCO full-text indexes. Input is cut into words (letters and
 * digits only), so no Lucene or Cypher syntax a user types survives; each word is escaped all the same. Each word
 * matches exactly, as a prefix, or (from four letters) with one typo, in the preferred label (boosted) or the
 * alternative labels.
 */
final class EscoQuery {

    static final int MAX_TERMS = 12;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern SPECIAL = Pattern.compile("[+\\-&|!(){}\\[\\]^\"~*?:\\\\/]");
    /** Words that carry no meaning in an outcome statement (English function words and outcome-writing verbs). */
    private static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "by", "for", "from",
            "in", "into", "is", "it", "its", "of", "on", "or", "the", "their", "this", "to", "with", "within", "according",
            "able", "can", "will", "under", "using", "use", "including", "such", "other", "e", "g", "etc", "learner",
            "learners", "student", "students", "describe", "explain", "demonstrate", "understand", "identify", "apply",
            "knowledge", "skills", "ability", "basic", "different", "own", "given", "relevant", "appropriate");

    private EscoQuery() {
    }

    /** The words of the input, lowercased, at most {@link #MAX_TERMS}. */
    static List<String> words(String input, boolean dropStopWords) {
        var words = new LinkedHashSet<String>();
        if (input == null) {
            return List.of();
        }
        Matcher matcher = WORD.matcher(input.toLowerCase(Locale.ROOT));
        while (matcher.find() && words.size() < MAX_TERMS) {
            String word = matcher.group();
            if (!dropStopWords || word.length() > 1 && !STOP_WORDS.contains(word)) {
                words.add(word);
            }
        }
        return new ArrayList<>(words);
    }

    /**
     * The Lucene query for these words, or null when there are none. {@code all}: every word must match (a search
     * box); otherwise any may (suggestions from a statement, ranked by how many match).
     */
    static String lucene(List<String> words, boolean all) {
        return lucene(words, all, null);
    }

    /**
     * As {@link #lucene(List, boolean)}, over the fields of one language's index ({@code label_de}, {@code searchText_de});
     * {@code language} null or "en" for the English fields.
     */
    static String lucene(List<String> words, boolean all, String language) {
        if (words.isEmpty()) {
            return null;
        }
        String suffix = language == null || language.equals("en") ? "" : "_" + language;
        String label = "label" + suffix;
        String searchText = "searchText" + suffix;
        var clauses = new ArrayList<String>();
        for (String word : words) {
            String t = escape(word);
            var alternatives = new ArrayList<String>();
            alternatives.add(label + ":" + t + "^4");
            alternatives.add(searchText + ":" + t + "^2");
            if (word.length() >= 2) {
                alternatives.add(label + ":" + t + "*^2");
                alternatives.add(searchText + ":" + t + "*");
            }
            if (word.length() >= 4) {
                alternatives.add(label + ":" + t + "~1");
                alternatives.add(searchText + ":" + t + "~1^0.5");
            }
            clauses.add("(" + String.join(" OR ", alternatives) + ")");
        }
        String query = String.join(all ? " AND " : " OR ", clauses);
        if (words.size() > 1) {
            String phrase = label + ":\"" + String.join(" ", words.stream().map(EscoQuery::escape).toList()) + "\"^6";
            query = "(" + query + ") OR " + phrase;
        }
        return query;
    }

    /** Escapes every character Lucene's query parser treats specially. */
    static String escape(String text) {
        return SPECIAL.matcher(text).replaceAll("\\\\$0");
    }
}
