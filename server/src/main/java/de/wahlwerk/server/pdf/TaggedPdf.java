package de.wahlwerk.server.pdf;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDParentTreeValue;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * A tagged PDF as PDF/UA-1 asks for it, as far as PDFBox lets us build it by hand: every text and
 * image is marked content linked into a structure tree (Document → Sect per page → H1/P/Figure with
 * alternative text), language and title in the catalog and shown as window title, an embedded
 * font (Liberation Sans, shipped inside PDFBox), decorations as artifacts, and XMP metadata with
 * the PDF/UA identifier. Page content goes to a temporary file, not the heap. Characters the font
 * lacks print as '?' instead of aborting the document.
 *
 * <p>Text is placed at positions given by the caller (polling notices, cards, labels) or flows down
 * the page with line wrapping through {@link TextFlow} (appointment letters).
 *
 * <p>Not checked here: a full PDF/UA validation (veraPDF is not part of the build); see ADR 0800.
 */
public final class TaggedPdf implements Closeable {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private final PDDocument doc;
    private final PDType0Font font;
    private final CmapLookup unicode;
    private final PDStructureElement root;
    private final Map<Integer, COSArray> parentTree = new HashMap<>();
    private final String title;

    private PDPage page;
    private PDPageContentStream content;
    private PDStructureElement section;
    private COSArray pageMcids;
    private int mcid;

    /** A new document; {@code language} is a BCP 47 tag such as {@code de-DE}. */
    public TaggedPdf(String title, String language) {
        this.title = title;
        try {
            doc = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
            try (InputStream in = TaggedPdf.class.getResourceAsStream(FONT)) {
                if (in == null) {
                    throw new IllegalStateException("font " + FONT + " missing from PDFBox");
                }
                font = PDType0Font.load(doc, in, true);
            }
            unicode = font.getCmapLookup();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PDDocumentCatalog catalog = doc.getDocumentCatalog();
        catalog.setLanguage(language);
        PDMarkInfo mark = new PDMarkInfo();
        mark.setMarked(true);
        catalog.setMarkInfo(mark);
        PDViewerPreferences prefs = new PDViewerPreferences(new COSDictionary());
        prefs.setDisplayDocTitle(true);
        catalog.setViewerPreferences(prefs);
        doc.getDocumentInformation().setTitle(title);
        doc.getDocumentInformation().setCreator("Wahlwerk");
        PDStructureTreeRoot tree = new PDStructureTreeRoot();
        catalog.setStructureTreeRoot(tree);
        root = new PDStructureElement(StandardStructureTypes.DOCUMENT, tree);
        root.setTitle(title);
        tree.appendKid(root);
    }

    /** Starts a new A4 page (a section of its own in the structure tree). */
    public void newPage(String sectionTitle) {
        addPage(PDRectangle.A4);
        section = new PDStructureElement(StandardStructureTypes.SECT, root);
        section.setTitle(sectionTitle);
        section.setPage(page);
        root.appendKid(section);
    }

    /** Starts a new page of the same size that continues the current section (text running over). */
    public void continuePage() {
        if (section == null) {
            throw new IllegalStateException("no page to continue");
        }
        addPage(page.getMediaBox());
    }

    private void addPage(PDRectangle size) {
        closePage();
        page = new PDPage(size);
        int key = doc.getNumberOfPages();
        page.setStructParents(key);
        page.getCOSObject().setName(COSName.getPDFName("Tabs"), "S"); // PDF/UA: tab order follows the structure
        doc.addPage(page);
        pageMcids = new COSArray();
        parentTree.put(key, pageMcids);
        mcid = 0;
        try {
            content = new PDPageContentStream(doc, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public float pageHeight() {
        return page.getMediaBox().getHeight();
    }

    public float pageWidth() {
        return page.getMediaBox().getWidth();
    }

    /** One line of text at (x, y) from the bottom left, in points, tagged with {@code role} (P, H1, H2). */
    public void text(String role, float x, float y, float size, String text) {
        block(role, x, y, size, size, Collections.singletonList(text));
    }

    /** Several lines as one paragraph (one structure element); the first baseline is at y. */
    public void paragraph(float x, float y, float size, float leading, List<String> lines) {
        block(StandardStructureTypes.P, x, y, size, leading, lines);
    }

    /** Several lines as one structure element of the given role (P, H1, H2). */
    public void block(String role, float x, float y, float size, float leading, List<String> lines) {
        PDStructureElement element = element(role);
        try {
            COSDictionary props = begin(COSName.getPDFName(role), element);
            content.beginText();
            content.setFont(font, size);
            content.setLeading(leading);
            content.newLineAtOffset(x, y);
            for (int i = 0; i < lines.size(); i++) {
                if (i > 0) {
                    content.newLine();
                }
                content.showText(printable(lines.get(i)));
            }
            content.endText();
            end(props, role, element);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An image with alternative text (Figure). */
    public void figure(BufferedImage image, float x, float y, float width, float height, String alt) {
        PDStructureElement element = element(StandardStructureTypes.Figure);
        element.setAlternateDescription(alt);
        try {
            PDImageXObject xobject = LosslessFactory.createFromImage(doc, image);
            COSDictionary props = begin(COSName.getPDFName(StandardStructureTypes.Figure), element);
            content.drawImage(xobject, x, y, width, height);
            end(props, StandardStructureTypes.Figure, element);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A decorative frame: an artifact, skipped by screen readers. */
    public void frame(float x, float y, float width, float height) {
        try {
            content.beginMarkedContent(COSName.ARTIFACT);
            content.setLineWidth(0.7f);
            content.addRect(x, y, width, height);
            content.stroke();
            content.endMarkedContent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The width of the text as printed, in points. */
    public float width(String text, float size) {
        try {
            return font.getStringWidth(printable(text)) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int pages() {
        return doc.getNumberOfPages();
    }

    /** Finishes the structure tree and metadata and writes the document. */
    public void save(OutputStream out) {
        closePage();
        PDStructureTreeRoot tree = doc.getDocumentCatalog().getStructureTreeRoot();
        PDNumberTreeNode numbers = new PDNumberTreeNode(PDParentTreeValue.class);
        Map<Integer, PDParentTreeValue> values = new HashMap<>();
        parentTree.forEach((k, v) -> values.put(k, new PDParentTreeValue(v)));
        numbers.setNumbers(values);
        tree.setParentTree(numbers);
        tree.setParentTreeNextKey(doc.getNumberOfPages());
        try {
            PDMetadata metadata = new PDMetadata(doc);
            metadata.importXMPMetadata(xmp(title).getBytes(StandardCharsets.UTF_8));
            doc.getDocumentCatalog().setMetadata(metadata);
            doc.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #save} into memory, for documents small enough to hand out whole. */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        save(out);
        return out.toByteArray();
    }

    @Override
    public void close() {
        try {
            closePage();
            doc.close();
        } catch (IOException | UncheckedIOException e) {
            // nothing more to release
        }
    }

    private void closePage() {
        if (content != null) {
            try {
                content.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                content = null;
            }
        }
    }

    private PDStructureElement element(String role) {
        PDStructureElement element = new PDStructureElement(role, section);
        element.setPage(page);
        section.appendKid(element);
        return element;
    }

    private COSDictionary begin(COSName tag, PDStructureElement element) throws IOException {
        COSDictionary props = new COSDictionary();
        props.setInt(COSName.MCID, mcid);
        content.beginMarkedContent(tag, PDPropertyList.create(props));
        return props;
    }

    private void end(COSDictionary props, String role, PDStructureElement element) throws IOException {
        content.endMarkedContent();
        element.appendKid(new PDMarkedContent(COSName.getPDFName(role), props));
        pageMcids.add(element);
        mcid++;
    }

    /**
     * Characters the embedded font lacks would abort the whole print run: they become '?'. Looked
     * up by Unicode code point in the font's own cmap ({@code PDType0Font.hasGlyph} would take the
     * code point for a glyph id and, for example, turn the dash and „quotes“ into '?').
     */
    private String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> sb.appendCodePoint(cp >= 0x20 && unicode.getGlyphId(cp) != 0 ? cp : '?'));
        return sb.toString();
    }

    private static String xmp(String title) {
        String t = title.replace("&", "&amp;").replace("<", "&lt;");
        return """
                <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
                <x:xmpmeta xmlns:x="adobe:ns:meta/">
                 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
                      xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
                   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:title>
                   <pdfuaid:part>1</pdfuaid:part>
                  </rdf:Description>
                 </rdf:RDF>
                </x:xmpmeta>
                <?xpacket end="w"?>""".formatted(t);
    }

    /** The given lines without null or blank ones (an address without its optional parts). */
    public static List<String> nonBlank(String... lines) {
        List<String> l = new ArrayList<>();
        for (String s : lines) {
            if (s != null && !s.isBlank()) {
                l.add(s);
            }
        }
        return l;
    }
}
