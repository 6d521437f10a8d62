package de.wahlwerk.core.formats;

import de.wahlwerk.core.model.GroupKind;

/**
 * A group (Gruppe) on the ballot of one area.
 *
 * @param position   Gruppenreihenfolge: ballot position in this area; 1000 for "Übrige"
 * @param name       Gruppenname: party short name, {@code EB:<name>} for an independent in a
 *                   Wahlkreis, "Einzelbewerber/Wählergruppe" for all of them together above
 * @param sourceKind Gruppenart as written (Partei, Einzelbewerber/Wählergruppe, System-Gruppe)
 * @param kind       PARTY or INDEPENDENT; null for "Übrige" (parties of the previous election
 *                   that did not stand again, which carry only previous-election numbers)
 */
public record KergGroup(int position, String name, String sourceKind, GroupKind kind) {

    public static final int OTHERS_POSITION = 1000;

    public boolean isOthers() {
        return position == OTHERS_POSITION;
    }
}
