package de.wahlwerk.server.pollworkers;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Training material is a PDF (checked by its magic bytes) or Markdown text (UTF-8, .md/.txt).
 * Markdown is rendered with raw HTML escaped and unsafe links dropped, so an upload cannot inject
 * script into the public portal.
 */
final class TrainingKinds {

    static final int MAX_BYTES = 10 * 1024 * 1024;

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private TrainingKinds() {}

    /** "PDF", "MARKDOWN" or null when the file is neither (or empty or too large). */
    static String kindOf(String fileName, byte[] content) {
        if (content == null || content.length == 0 || content.length > MAX_BYTES) {
            return null;
        }
        String name = fileName == null ? "" : fileName.toLowerCase();
        if (content.length > 5 && new String(content, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            return "PDF";
        }
        if ((name.endsWith(".md") || name.endsWith(".markdown") || name.endsWith(".txt")) && utf8(content)) {
            return "MARKDOWN";
        }
        return null;
    }

    static String html(byte[] markdown) {
        return RENDERER.render(PARSER.parse(new String(markdown, StandardCharsets.UTF_8)));
    }

    private static boolean utf8(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
