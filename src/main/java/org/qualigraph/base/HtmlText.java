package org.qualigraph.base;

/** Text made safe for (X)HTML written by hand: the core-curriculum document and the public register's pages. */
public final class HtmlText {

    private HtmlText() {
    }

    /** Escapes text for XHTML content and attributes and drops characters XML cannot carry. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        var out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if ((ch >= 0x20 || ch == '\n' || ch == '\t' || ch == '\r') && ch != 0xFFFE && ch != 0xFFFF) {
                        out.append(ch);
                    }
                }
            }
        }
        return out.toString();
    }
}
