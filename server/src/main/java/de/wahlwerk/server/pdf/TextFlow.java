package de.wahlwerk.server.pdf;

import java.util.ArrayList;
import java.util.List;

/**
 * Running text on A4 pages of a {@link TaggedPdf}, as in a letter: headings and paragraphs flow
 * down from the top margin, lines wrap at word boundaries, and a block that does not fit any more
 * continues the current section on a new page.
 */
public final class TextFlow {

    private static final float MARGIN = 70;
    private static final float TEXT_SIZE = 11;
    private static final float HEADING_SIZE = 15;
    private static final float LEADING = 1.4f;

    private final TaggedPdf pdf;
    private float y;

    public TextFlow(TaggedPdf pdf) {
        this.pdf = pdf;
    }

    /** Starts a new page and section (each letter starts on its own page). */
    public void newPage(String sectionTitle) {
        pdf.newPage(sectionTitle);
        y = pdf.pageHeight() - MARGIN;
    }

    public void heading(String text) {
        y -= 8;
        block("H1", text, HEADING_SIZE);
        y -= 4;
    }

    /** A paragraph; a line break in the text starts a new line within it. */
    public void paragraph(String text) {
        block("P", text, TEXT_SIZE);
        y -= TEXT_SIZE * 0.6f;
    }

    /** Several short lines as one paragraph (an address). */
    public void lines(List<String> lines) {
        paragraph(String.join("\n", lines));
    }

    private void block(String role, String text, float size) {
        List<String> lines = wrap(text, size);
        if (y - lines.size() * size * LEADING < MARGIN) {
            pdf.continuePage();
            y = pdf.pageHeight() - MARGIN;
        }
        pdf.block(role, MARGIN, y - size, size, size * LEADING, lines);
        y -= lines.size() * size * LEADING;
    }

    private List<String> wrap(String text, float size) {
        float width = pdf.pageWidth() - 2 * MARGIN;
        List<String> out = new ArrayList<>();
        for (String para : text.split("\n")) {
            StringBuilder line = new StringBuilder();
            for (String word : para.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (!line.isEmpty() && pdf.width(candidate, size) > width) {
                    out.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            out.add(line.toString());
        }
        return out;
    }
}
