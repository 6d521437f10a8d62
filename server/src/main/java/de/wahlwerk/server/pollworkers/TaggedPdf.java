package de.wahlwerk.server.pollworkers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDParentTreeValue;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * A small writer of tagged, accessible A4 text documents with PDFBox: the language and title are
 * set, the font (Liberation Sans, shipped inside PDFBox) is embedded, and every heading and
 * paragraph is a structure element (H1/P) pointing at its marked content, so screen readers read
 * the letter in order. Not a full PDF/UA claim (no XMP identification), but the essentials of it.
 */
final class TaggedPdf implements AutoCloseable {

    private static final float MARGIN = 70;
    private static final float TEXT_SIZE = 11;
    private static final float HEADING_SIZE = 15;
    private static final float LEADING = 1.4f;

    private final PDDocument doc = new PDDocument();
    private final PDType0Font font;
    private final PDStructureElement root;
    private final PDStructureTreeRoot tree = new PDStructureTreeRoot();
    private final Map<Integer, PDParentTreeValue> parents = new HashMap<>();
    private PDPage page;
    private PDPageContentStream content;
    private List<PDStructureElement> pageElements;
    private float y;

    TaggedPdf(String title) {
        try (InputStream in = PDDocument.class.getResourceAsStream("/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
            font = PDType0Font.load(doc, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PDDocumentCatalog catalog = doc.getDocumentCatalog();
        catalog.setLanguage("de-DE");
        PDMarkInfo mark = new PDMarkInfo();
        mark.setMarked(true);
        catalog.setMarkInfo(mark);
        catalog.setStructureTreeRoot(tree);
        PDViewerPreferences prefs = new PDViewerPreferences(new org.apache.pdfbox.cos.COSDictionary());
        prefs.setDisplayDocTitle(true);
        catalog.setViewerPreferences(prefs);
        doc.getDocumentInformation().setTitle(title);
        doc.getDocumentInformation().setCreator("Wahlwerk");
        root = new PDStructureElement("Document", tree);
        tree.appendKid(root);
    }

    /** Starts a new page (each letter starts on its own page). */
    void newPage() {
        closePage();
        page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        int key = doc.getNumberOfPages() - 1;
        page.setStructParents(key);
        pageElements = new ArrayList<>();
        try {
            content = new PDPageContentStream(doc, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y = page.getMediaBox().getHeight() - MARGIN;
    }

    void heading(String text) {
        y -= 8;
        block("H1", text, HEADING_SIZE);
        y -= 4;
    }

    void paragraph(String text) {
        block("P", text, TEXT_SIZE);
        y -= TEXT_SIZE * 0.6f;
    }

    /** Several short lines as one paragraph (an address). */
    void lines(List<String> lines) {
        paragraph(String.join("\n", lines));
    }

    private void block(String type, String text, float size) {
        List<String> lines = wrap(text, size);
        if (y - lines.size() * size * LEADING < MARGIN) {
            newPage();
        }
        int mcid = pageElements.size();
        PDStructureElement element = new PDStructureElement(type, root);
        element.setPage(page);
        element.appendKid(mcid);
        root.appendKid(element);
        pageElements.add(element);
        try {
            content.beginMarkedContent(COSName.getPDFName(type), mcid);
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(MARGIN, y - size);
            for (int i = 0; i < lines.size(); i++) {
                if (i > 0) {
                    content.newLineAtOffset(0, -size * LEADING);
                }
                content.showText(lines.get(i));
            }
            content.endText();
            content.endMarkedContent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y -= lines.size() * size * LEADING;
    }

    private List<String> wrap(String text, float size) {
        float width = page.getMediaBox().getWidth() - 2 * MARGIN;
        List<String> out = new ArrayList<>();
        for (String para : text.split("\n")) {
            StringBuilder line = new StringBuilder();
            for (String word : para.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (!line.isEmpty() && width(candidate, size) > width) {
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

    private float width(String s, float size) {
        try {
            return font.getStringWidth(s) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void closePage() {
        if (content == null) {
            return;
        }
        try {
            content.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        COSArray kids = new COSArray();
        pageElements.forEach(kids::add);
        parents.put(page.getStructParents(), new PDParentTreeValue(kids));
        content = null;
    }

    byte[] toBytes() {
        closePage();
        PDNumberTreeNode parentTree = new PDNumberTreeNode(PDParentTreeValue.class);
        parentTree.setNumbers(parents);
        tree.setParentTree(parentTree);
        tree.setParentTreeNextKey(doc.getNumberOfPages());
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            doc.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
