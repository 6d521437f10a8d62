package de.wahlwerk.core.formats;

/**
 * A person the voters wrote on the ballot themselves (unechte Mehrheitswahl, Bavaria: no or one
 * nomination), columns H_&lt;n&gt;_Name, _Vorname, _Beruf_Taetigkeit, _Bemerkung, _Stimmen.
 */
public record WriteIn(int number, String familyName, String givenNames, String occupation, String remark,
        Long votes) {}
