package de.wahlwerk.server.pollcards;

import de.wahlwerk.server.pdf.TaggedPdf;

/** Lays out one polling notice per A4 page. */
final class NoticePages {

    private static final float LEFT = 57; // 2 cm
    private static final float MM = 72f / 25.4f;

    private final PdfTexts texts;

    NoticePages(PdfTexts texts) {
        this.texts = texts;
    }

    void render(TaggedPdf pdf, Notice n) {
        pdf.newPage(texts.get("notice.section", n.familyName() + ", " + n.givenNames()));
        float top = pdf.pageHeight();
        // Address field for a window envelope (DIN 5008, form B: 45 mm from the top).
        pdf.paragraph(LEFT + 10, top - 55 * MM, 11, 14, TaggedPdf.nonBlank(n.givenNames() + " " + n.familyName(),
                n.street(), n.postalCode() + " " + n.city()));
        float y = top - 105 * MM;
        pdf.text("H1", LEFT, y, 18, texts.get("notice.title"));
        y -= 22;
        pdf.text("H2", LEFT, y, 13, texts.get("notice.election", n.electionName(), PdfTexts.date(n.date())));
        y -= 28;
        pdf.text("P", LEFT, y, 11, texts.get("notice.number", PdfTexts.grouped(n.number())));
        y -= 18;
        pdf.text("P", LEFT, y, 11, texts.get("notice.unit", n.unitKey(), n.unitName()));
        y -= 18;
        pdf.paragraph(LEFT, y, 11, 14, TaggedPdf.nonBlank(texts.get("notice.station"), "    " + n.stationName(),
                "    " + n.stationStreet() + ", " + n.stationPostalCode() + " " + n.stationCity()));
        y -= 46;
        pdf.text("P", LEFT, y, 11, texts.get(n.stepFree() ? "notice.stepFree.yes" : "notice.stepFree.no"));
        y -= 18;
        pdf.text("P", LEFT, y, 11, texts.get("notice.hours", PdfTexts.time(n.opens()), PdfTexts.time(n.closes())));
        y -= 24;
        pdf.paragraph(LEFT, y, 10, 13, TaggedPdf.nonBlank(texts.get("notice.bring1"), texts.get("notice.bring2")));
        y -= 40;
        pdf.text("H2", LEFT, y, 13, texts.get("notice.postal.title"));
        y -= 18;
        pdf.paragraph(LEFT, y, 10, 13, TaggedPdf.nonBlank(texts.get("notice.postal1"), texts.get("notice.postal2"),
                n.requestUrl()));
        float size = 32 * MM;
        pdf.figure(QrImages.qr(n.requestUrl()), LEFT, y - 50 - size, size, size,
                texts.get("notice.qr.alt", n.requestUrl()));
        pdf.frame(LEFT - 6, 20 * MM, 595 - 2 * LEFT + 12, y + 30 - 20 * MM);
    }
}
