package de.wahlwerk.core.formats;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Stimmkreis results of a Bavarian Landtag election in the XML of the Landesamt für Statistik
 * ({@code <Ergebnisse>} with one {@code <Regionaleinheit>} per Stimmkreis: {@code Allgemeine_Angaben}
 * and {@code Wahlvorschlag} elements with Erst-, Zweit- and Gesamtstimmen "der_aktuellen_Wahl").
 * Streamed with StAX, so every problem names its line. External entities and DTDs are refused.
 */
public final class LandtagBayernXmlReader {

    /**
     * @param line         line of the {@code <Regionaleinheit>}
     * @param key          Schluesselnummer, e.g. {@code 101}; its first digit is the Wahlkreis
     * @param winnerParty  Partei_mit_Erststimmenmehrheit
     * @param winnerName   Bewerber_mit_Erststimmenmehrheit
     * @param totalVotes   Gesamtstimmen (Erst- + Zweitstimmen) per Wahlvorschlag that stood
     */
    public record Stimmkreis(long line, String key, String name, String winnerParty, String winnerName,
            Map<String, Long> totalVotes) {
        public Stimmkreis {
            totalVotes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(totalVotes));
        }

        /** 1…7: Oberbayern … Schwaben. */
        public int wahlkreis() {
            return key.charAt(0) - '0';
        }
    }

    public List<Stimmkreis> read(InputStream in, String file) throws ImportException, IOException {
        ProblemCollector problems = new ProblemCollector();
        Cells cells = new Cells(file, problems);
        List<Stimmkreis> result = new ArrayList<>();
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        try {
            XMLStreamReader x = factory.createXMLStreamReader(in, "UTF-8");
            Map<String, String> general = null;
            Map<String, Long> votes = null;
            String proposalName = null;
            String proposalTotal = null;
            long proposalLine = 0;
            long unitLine = 0;
            boolean inGeneral = false;
            boolean inProposal = false;
            while (x.hasNext()) {
                int ev = x.next();
                if (ev != XMLStreamConstants.START_ELEMENT && ev != XMLStreamConstants.END_ELEMENT) {
                    continue;
                }
                String tag = x.getLocalName();
                long line = x.getLocation().getLineNumber();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    switch (tag) {
                        case "Regionaleinheit" -> {
                            general = new LinkedHashMap<>();
                            votes = new LinkedHashMap<>();
                            unitLine = line;
                        }
                        case "Allgemeine_Angaben" -> inGeneral = true;
                        case "Wahlvorschlag" -> {
                            inProposal = true;
                            proposalName = null;
                            proposalTotal = null;
                            proposalLine = line;
                        }
                        default -> {
                            if (general == null) {
                                break;
                            }
                            if (inGeneral) {
                                general.put(tag, x.getElementText().strip());
                            } else if (inProposal && tag.equals("Name")) {
                                proposalName = x.getElementText().strip();
                            } else if (inProposal && tag.equals("Gesamtstimmen_der_aktuellen_Wahl")) {
                                proposalTotal = x.getElementText().strip();
                                proposalLine = x.getLocation().getLineNumber();
                            }
                        }
                    }
                } else {
                    switch (tag) {
                        case "Allgemeine_Angaben" -> inGeneral = false;
                        case "Wahlvorschlag" -> {
                            inProposal = false;
                            if (votes != null && proposalName != null && proposalTotal != null
                                    && !proposalTotal.isEmpty() && !proposalTotal.equals("-")) {
                                Long v = cells.count(proposalTotal, proposalLine, "Gesamtstimmen_der_aktuellen_Wahl");
                                if (v != null) {
                                    votes.merge(proposalName, v, Long::sum);
                                }
                            }
                        }
                        case "Regionaleinheit" -> {
                            String key = need(general, "Schluesselnummer", unitLine, file, problems);
                            String name = need(general, "Name_der_Regionaleinheit", unitLine, file, problems);
                            String party = need(general, "Partei_mit_Erststimmenmehrheit", unitLine, file, problems);
                            if (key != null && !key.matches("[1-7]\\d\\d")) {
                                problems.add(file, unitLine, "Schluesselnummer", "invalid-value", key, "101 … 799");
                            } else if (key != null && name != null && party != null) {
                                result.add(new Stimmkreis(unitLine, key, name, party,
                                        general.getOrDefault("Bewerber_mit_Erststimmenmehrheit", ""), votes));
                            }
                            general = null;
                            votes = null;
                        }
                        default -> { }
                    }
                }
            }
        } catch (XMLStreamException e) {
            long line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNumber());
            String msg = e.getMessage() == null ? "" : e.getMessage().replaceFirst("(?s)^ParseError at \\[[^]]*\\]\\s*Message:\\s*", "");
            problems.add(file, line, null, "xml-syntax", msg.strip());
        }
        if (problems.isEmpty() && result.isEmpty()) {
            problems.add(file, 0, null, "xml-no-units");
        }
        problems.throwIfAny();
        return result;
    }

    private static String need(Map<String, String> general, String tag, long line, String file, ProblemCollector problems) {
        String v = general.get(tag);
        if (v == null || v.isBlank()) {
            problems.add(file, line, null, "xml-missing-element", tag);
            return null;
        }
        return v;
    }
}
