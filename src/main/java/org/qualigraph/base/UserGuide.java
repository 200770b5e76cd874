package org.qualigraph.base;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The user guide ({@code docs/user-guide.md}, packaged as {@code help/user-guide.md}) read into blocks the help page
 * shows as plain components: headings with stable anchors, paragraphs and list items. Only the Markdown the guide
 * uses is understood; pictures are left out, emphasis and code marks are dropped, links keep their text.
 */
public final class UserGuide {

    static final String RESOURCE = "help/user-guide.md";

    /** One block of the guide; {@code anchor} is set for headings (level 1-3), {@code level} 0 is a paragraph, -1 a list item. */
    public record Block(int level, String text, String anchor) {
    }

    private UserGuide() {
    }

    /** The guide's blocks, or empty when the guide is not packaged (then the help page says so). */
    public static List<Block> load() {
        try (InputStream in = UserGuide.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            return in == null ? List.of() : parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return List.of();
        }
    }

    static List<Block> parse(String markdown) {
        var blocks = new ArrayList<Block>();
        var paragraph = new StringBuilder();
        String item = null;
        for (String raw : markdown.split("\\R")) {
            String line = raw.strip();
            boolean heading = line.startsWith("#");
            boolean listItem = line.startsWith("- ") || line.startsWith("* ") || line.matches("\\d+\\. .*");
            boolean picture = line.startsWith("![");
            if (line.isEmpty() || heading || listItem || picture) {
                flush(blocks, paragraph, item);
                paragraph.setLength(0);
                item = null;
            }
            if (heading) {
                int level = (int) line.chars().takeWhile(c -> c == '#').count();
                String text = inline(line.substring(level).strip());
                blocks.add(new Block(Math.min(level, 3), text, anchor(text)));
            } else if (listItem) {
                item = line.replaceFirst("^(?:[-*]|\\d+\\.)\\s+", "");
            } else if (!line.isEmpty() && !picture) {
                if (item != null) {
                    item = item + " " + line;
                } else {
                    paragraph.append(paragraph.isEmpty() ? "" : " ").append(line);
                }
            }
        }
        flush(blocks, paragraph, item);
        return blocks;
    }

    private static void flush(List<Block> blocks, StringBuilder paragraph, String item) {
        if (item != null) {
            blocks.add(new Block(-1, inline(item), null));
        } else if (!paragraph.isEmpty()) {
            blocks.add(new Block(0, inline(paragraph.toString()), null));
        }
    }

    /** Drops emphasis and code marks, keeps the text of links. */
    static String inline(String text) {
        return text.replaceAll("\\[([^]]+)]\\([^)]*\\)", "$1").replaceAll("\\*\\*|__|`", "")
                .replaceAll("(?<![\\w*])\\*([^*]+)\\*(?![\\w*])", "$1");
    }

    /** GitHub-style anchor of a heading: "Quality report" becomes "quality-report". */
    public static String anchor(String heading) {
        String plain = Normalizer.normalize(heading, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 -]", "").strip().replace(' ', '-');
    }
}
