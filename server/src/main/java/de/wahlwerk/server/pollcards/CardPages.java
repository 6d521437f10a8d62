package de.wahlwerk.server.pollcards;

import de.wahlwerk.core.model.Election;
import de.wahlwerk.core.model.ElectionDay;
import de.wahlwerk.server.pdf.TaggedPdf;
import java.util.ArrayList;
import java.util.List;

/**
 * The polling card (Wahlschein, after Anlage 9 BWO, shortened to what the office fills in) and the
 * address labels for the postal-vote envelopes (A4 sheets of 3 × 8 labels, 70 × 37 mm).
 */
final class CardPages {

    private static final float MM = 72f / 25.4f;
    private static final float LEFT = 57;

    private final PdfTexts texts;

    CardPages(PdfTexts texts) {
        this.texts = texts;
    }

    byte[] card(Election e, ElectionDay day, PollCardStore.Card c) {
        try (TaggedPdf pdf = new TaggedPdf(texts.get("card.title") + " " + c.id(), "de-DE")) {
            pdf.newPage(texts.get("card.title"));
            float y = pdf.pageHeight() - 30 * MM;
            pdf.text("H1", LEFT, y, 18, texts.get("card.title"));
            y -= 22;
            pdf.text("H2", LEFT, y, 13, texts.get("notice.election", e.name(), PdfTexts.date(day.date())));
            y -= 28;
            pdf.text("P", LEFT, y, 11, texts.get("card.number", String.valueOf(c.id())));
            y -= 18;
            if (c.replacesId() != null) {
                pdf.text("P", LEFT, y, 11, texts.get("card.replaces", String.valueOf(c.replacesId())));
                y -= 18;
            }
            pdf.paragraph(LEFT, y, 11, 14, TaggedPdf.nonBlank(texts.get("card.for"),
                    "    " + c.givenNames() + " " + c.familyName() + ", " + texts.get("card.born",
                            PdfTexts.shortDate(c.birthDate())),
                    "    " + c.street() + ", " + c.postalCode() + " " + c.city()));
            y -= 50;
            pdf.text("P", LEFT, y, 11, texts.get("card.unit", c.unitKey(), c.unitName()));
            y -= 24;
            pdf.paragraph(LEFT, y, 10, 13, TaggedPdf.nonBlank(texts.get("card.may1"), texts.get("card.may2")));
            y -= 40;
            pdf.text("P", LEFT, y, 10, texts.get("card.issued", PdfTexts.shortDate(
                    c.issuedAt().atZone(PollCardService.ZONE).toLocalDate()), c.issuedBy()));
            pdf.frame(LEFT - 6, y - 12, 595 - 2 * LEFT + 12, pdf.pageHeight() - 30 * MM + 30 - y);
            return pdf.toBytes();
        }
    }

    byte[] labels(Election e, List<PollCardStore.Card> cards) {
        try (TaggedPdf pdf = new TaggedPdf(texts.get("labels.title") + " " + e.name(), "de-DE")) {
            int perPage = 24;
            for (int i = 0; i < Math.max(cards.size(), 1); i += perPage) {
                pdf.newPage(texts.get("labels.page", i / perPage + 1));
                for (int j = 0; j < perPage && i + j < cards.size(); j++) {
                    PollCardStore.Card c = cards.get(i + j);
                    float x = (j % 3) * 70 * MM + 6 * MM;
                    float y = pdf.pageHeight() - (j / 3) * 37 * MM - 10 * MM;
                    List<String> lines = new ArrayList<>();
                    lines.add(texts.get("labels.card", String.valueOf(c.id()), c.unitKey()));
                    lines.add(c.givenNames() + " " + c.familyName());
                    if (c.mailTo() != null && !c.mailTo().isBlank()) {
                        for (String l : c.mailTo().split("\\s*[,\\n]\\s*")) {
                            lines.add(l);
                        }
                    } else {
                        lines.add(c.street());
                        lines.add(c.postalCode() + " " + c.city());
                    }
                    pdf.paragraph(x, y, 9, 11, lines.subList(0, Math.min(lines.size(), 5)));
                }
            }
            return pdf.toBytes();
        }
    }
}
