package de.wahlwerk.server.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The shared tagged-PDF writer, read back with PDFBox: what a screen reader and a PDF/UA checker
 * look at first — MarkInfo, language, title, structure tree with a parent tree, embedded fonts and
 * alternative text for images.
 */
class TaggedPdfTest {

    private static final String ALT = "QR-Code zum Antrag auf einen Wahlschein";

    @Test
    void positionedAndFlowingTextMakeATaggedDocument() throws IOException {
        byte[] bytes;
        try (TaggedPdf pdf = new TaggedPdf("Prüfdokument", "de-DE")) {
            pdf.newPage("Erste Seite");
            float top = pdf.pageHeight();
            pdf.text("H1", 57, top - 80, 18, "Wahlbenachrichtigung");
            pdf.paragraph(57, top - 110, 11, 14, TaggedPdf.nonBlank("Ayşe Yılmaz", null, " ", "Hauptstraße 12a"));
            pdf.figure(square(), 57, top - 300, 100, 100, ALT);
            pdf.frame(50, 50, 495, top - 100);

            TextFlow flow = new TextFlow(pdf);
            flow.newPage("Brief");
            flow.heading("Berufung in den Wahlvorstand");
            // Long enough to wrap and to run over onto a second page of the same section.
            String sentence = "Dieser Satz ist lang genug, um mehrmals umbrochen zu werden, und er wiederholt sich. ";
            for (int i = 0; i < 12; i++) {
                flow.paragraph(String.join("", Collections.nCopies(4, sentence)));
            }
            flow.lines(List.of("Wahlamt – „Briefwahl“ 5 €", "Zeile mit 漢字 und سلام", "Ende"));
            bytes = pdf.toBytes();
            assertThat(pdf.pages()).isGreaterThanOrEqualTo(3);
        }

        try (PDDocument doc = Loader.loadPDF(bytes)) {
            var catalog = doc.getDocumentCatalog();
            assertThat(catalog.getMarkInfo().isMarked()).isTrue();
            assertThat(catalog.getLanguage()).isEqualTo("de-DE");
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Prüfdokument");
            assertThat(catalog.getViewerPreferences().displayDocTitle()).isTrue();
            assertThat(new String(catalog.getMetadata().toByteArray(), StandardCharsets.UTF_8))
                    .contains("<pdfuaid:part>1</pdfuaid:part>", "Prüfdokument");

            for (PDPage page : doc.getPages()) {
                assertThat(page.getCOSObject().getNameAsString(COSName.getPDFName("Tabs"))).isEqualTo("S");
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                }
            }

            PDStructureTreeRoot tree = catalog.getStructureTreeRoot();
            assertThat(tree).isNotNull();
            PDStructureElement document = (PDStructureElement) tree.getKids().getFirst();
            assertThat(document.getStructureType()).isEqualTo("Document");
            assertThat(document.getKids()).as("one section per newPage, the overflow page continues it")
                    .extracting(k -> ((PDStructureElement) k).getStructureType()).containsExactly("Sect", "Sect");
            List<PDStructureElement> elements = new ArrayList<>();
            collect(tree, elements);
            assertThat(elements).extracting(PDStructureElement::getStructureType)
                    .contains("H1", "P", "Figure").doesNotContainNull();
            assertThat(elements).filteredOn(e -> "Figure".equals(e.getStructureType()))
                    .extracting(PDStructureElement::getAlternateDescription).containsExactly(ALT);

            // Every marked content is found again through the parent tree of its page.
            int marked = 0;
            for (PDStructureElement e : elements) {
                for (Object kid : e.getKids()) {
                    if (kid instanceof Integer mcid) { // a marked-content id on the element's page
                        COSArray onPage = parents(tree, e.getPage().getStructParents());
                        assertThat(deref(onPage.get(mcid))).isSameAs(e.getCOSObject());
                        marked++;
                    }
                }
            }
            assertThat(marked).isGreaterThan(15);
            assertThat(tree.getParentTreeNextKey()).isEqualTo(doc.getNumberOfPages());

            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Wahlbenachrichtigung", "Ayşe Yılmaz", "Hauptstraße 12a",
                    "Berufung in den Wahlvorstand", "Ende");
            // Dash, German quotes and the euro sign are in Liberation Sans; CJK and Arabic are not: they
            // print as '?' instead of failing the whole document.
            assertThat(text).contains("Wahlamt – „Briefwahl“ 5 €", "Zeile mit ?? und ????");
        }
    }

    /** The page's entry in the parent tree (written as one flat number tree node). */
    private static COSArray parents(PDStructureTreeRoot tree, int key) {
        COSArray nums = (COSArray) deref(tree.getParentTree().getCOSObject().getDictionaryObject(COSName.NUMS));
        for (int i = 0; i < nums.size(); i += 2) {
            if (((COSInteger) deref(nums.get(i))).intValue() == key) {
                return (COSArray) deref(nums.get(i + 1));
            }
        }
        throw new AssertionError("no parent tree entry for page key " + key);
    }

    private static COSBase deref(COSBase base) {
        return base instanceof COSObject o ? o.getObject() : base;
    }

    private static void collect(PDStructureNode node, List<PDStructureElement> out) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement e) {
                out.add(e);
                collect(e, out);
            }
        }
    }

    private static BufferedImage square() {
        BufferedImage image = new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 20, 20);
        g.setColor(Color.BLACK);
        g.fillRect(5, 5, 10, 10);
        g.dispose();
        return image;
    }
}
