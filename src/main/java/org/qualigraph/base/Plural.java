package org.qualigraph.base;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Singular and plural in the bundles. A count sentence writes its noun as an ICU-style plural block,
 * {@code {0,plural,one{# Einheit} other{# Einheiten}}}: before {@link MessageFormat} sees the pattern, each block is
 * replaced by the form that the language's rule picks for the value of its argument ({@code #} becoming that
 * argument, so it is formatted as every other number), or by an exact form {@code =0{…}} where the block has one.
 * A form the block lacks falls back to {@code other}.
 *
 * <p>The JDK has no plural rules and ICU4J is not on the class path, so the rules of the interface languages are
 * written here by hand, after CLDR's (Unicode's plural rules, cardinal), with {@code i} the integer digits of the
 * number and {@code v} the count of its visible fraction digits:
 * <ul>
 * <li>English, German, Italian, Spanish: {@code one} for i = 1 and v = 0; {@code other} for everything else.</li>
 * <li>French: {@code one} for i = 0 or 1 (0, 1, 1,5); {@code other} otherwise.</li>
 * <li>Polish: {@code one} for 1; {@code few} for whole numbers ending in 2-4 except 12-14 (2, 3, 22, 104);
 * {@code many} for other whole numbers (0, 5, 11, 12-14, 25, 112); {@code other} for fractions (1,5).</li>
 * </ul>
 * CLDR's {@code many} of French, Italian and Spanish for round millions ("1 000 000 de …") is not made: no count the
 * interface shows gets there. Any other language is treated as English.
 */
public final class Plural {

    /** Polish needs these four forms; every other interface language {@code one} and {@code other}. */
    public static final String ONE = "one";
    public static final String FEW = "few";
    public static final String MANY = "many";
    public static final String OTHER = "other";

    private static final Pattern BLOCK = Pattern.compile("\\{(\\d+),plural,");
    private static final Pattern FORM = Pattern.compile("\\s*(=\\d+|zero|one|two|few|many|other)\\s*\\{");

    private Plural() {
    }

    /** The plural category of this number in this language: one, few, many or other. */
    public static String category(Locale locale, Number number) {
        if (number == null) {
            return OTHER;
        }
        BigDecimal value = (number instanceof BigDecimal big ? big : new BigDecimal(number.toString())).abs();
        BigDecimal shown = value.stripTrailingZeros();
        int v = Math.max(0, shown.scale());
        long i = value.longValue();
        String language = locale == null ? "en" : locale.getLanguage();
        switch (language) {
            case "fr":
                return i == 0 || i == 1 ? ONE : OTHER;
            case "pl":
                if (v != 0) {
                    return OTHER;
                }
                if (i == 1) {
                    return ONE;
                }
                long last = i % 10;
                long lastTwo = i % 100;
                if (last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14)) {
                    return FEW;
                }
                return MANY;
            default:
                return i == 1 && v == 0 ? ONE : OTHER;
        }
    }

    /**
     * The pattern with each plural block replaced by the form for its argument; patterns without a block are
     * returned as they are. The result is a {@link MessageFormat} pattern.
     */
    public static String expand(String pattern, Locale locale, Object... args) {
        if (pattern == null || !pattern.contains(",plural,")) {
            return pattern;
        }
        var out = new StringBuilder();
        int from = 0;
        Matcher block = BLOCK.matcher(pattern);
        while (block.find(from)) {
            out.append(pattern, from, block.start());
            int index = Integer.parseInt(block.group(1));
            Number value = number(args != null && index < args.length ? args[index] : null);
            int pos = block.end();
            String chosen = null;
            String other = null;
            boolean exact = false;
            Matcher form = FORM.matcher(pattern);
            while (form.find(pos) && form.start() == pos) {
                int close = closing(pattern, form.end() - 1);
                String text = pattern.substring(form.end(), close);
                String name = form.group(1);
                if (name.startsWith("=")) {
                    if (value != null && !exact
                            && new BigDecimal(value.toString()).compareTo(new BigDecimal(name.substring(1))) == 0) {
                        chosen = text;
                        exact = true;
                    }
                } else if (!exact && name.equals(category(locale, value))) {
                    chosen = text;
                }
                if (name.equals(OTHER)) {
                    other = text;
                }
                pos = close + 1;
            }
            while (pos < pattern.length() && Character.isWhitespace(pattern.charAt(pos))) {
                pos++;
            }
            if (pos >= pattern.length() || pattern.charAt(pos) != '}' || other == null) {
                throw new IllegalArgumentException("plural block without \"other\" or closing brace in: " + pattern);
            }
            out.append((chosen == null ? other : chosen).replace("#", "{" + index + "}"));
            from = pos + 1;
        }
        out.append(pattern.substring(from));
        return out.toString();
    }

    /** A number, or a number already written as digits (a caller that formatted it), else null. */
    private static Number number(Object value) {
        if (value instanceof Number n) {
            return n;
        }
        if (value instanceof CharSequence text && text.toString().strip().matches("-?\\d+([.,]\\d+)?")) {
            return new BigDecimal(text.toString().strip().replace(',', '.'));
        }
        return null;
    }

    private static int closing(String pattern, int open) {
        int depth = 0;
        for (int k = open; k < pattern.length(); k++) {
            char c = pattern.charAt(k);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return k;
            }
        }
        throw new IllegalArgumentException("unclosed plural form in: " + pattern);
    }
}
