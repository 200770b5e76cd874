package org.qualigraph.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The packaged user guide reads into headings with the anchors the editor's help links use. */
class UserGuideTest {

    @Test
    void theGuideIsPackagedAndHasTheSectionsTheHelpLinksPointTo() {
        var blocks = UserGuide.load();
        assertThat(blocks).as("docs/user-guide.md packaged as " + UserGuide.RESOURCE).isNotEmpty();
        assertThat(blocks).filteredOn(b -> b.anchor() != null).extracting(UserGuide.Block::anchor)
                .contains("building-a-qualification", "quality-report", "review-and-publication",
                        "exports-and-submission-to-an-authority");
    }

    @Test
    void markdownBecomesPlainBlocks() {
        var blocks = UserGuide.parse("""
                # Guide
                Some **bold** text
                over two lines with a [link](http://example.org).

                ![a picture](screenshots/x.png)

                - one *item*
                  continued
                - `two`
                ## Ümlaut & co
                """);
        assertThat(blocks).containsExactly(
                new UserGuide.Block(1, "Guide", "guide"),
                new UserGuide.Block(0, "Some bold text over two lines with a link.", null),
                new UserGuide.Block(-1, "one item continued", null),
                new UserGuide.Block(-1, "two", null),
                new UserGuide.Block(2, "Ümlaut & co", "umlaut--co"));
    }
}
