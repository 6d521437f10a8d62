package de.wahlwerk.server.setup;

import de.wahlwerk.core.model.Area;
import de.wahlwerk.core.model.Candidate;
import de.wahlwerk.core.model.Election;
import de.wahlwerk.core.model.Nomination;
import de.wahlwerk.core.model.PollingStation;

/** Fills edit forms from stored objects, so that an edit page starts with what is there. */
final class FormMapping {

    private FormMapping() {}

    static ElectionDayForm dayForm(ElectionDayStore.Day d) {
        ElectionDayForm f = new ElectionDayForm();
        f.setName(d.day().name());
        f.setDate(d.day().date());
        f.setPollsClose(d.day().pollsClose());
        f.setScopeHierarchy(d.scopeHierarchy());
        f.setScopeKey(d.scopeKey());
        return f;
    }

    static ElectionForm electionForm(Election e) {
        ElectionForm f = new ElectionForm();
        f.setKind(e.kind());
        f.setName(e.name());
        f.setSeats(e.seats());
        f.setVotesPerVoter(e.votesPerVoter());
        f.setMaxVotesPerCandidate(e.maxVotesPerCandidate());
        f.setHierarchy(e.hierarchy());
        return f;
    }

    static AreaForm areaForm(Area a, Area parent) {
        AreaForm f = new AreaForm();
        f.setHierarchy(a.hierarchy());
        f.setLevel(a.level());
        f.setOfficialKey(a.officialKey());
        f.setName(a.name());
        f.setParentKey(parent == null ? null : parent.officialKey());
        return f;
    }

    static PollingStationForm stationForm(PollingStation s, Area area) {
        PollingStationForm f = new PollingStationForm();
        f.setStationKey(s.stationKey());
        f.setName(s.name());
        f.setStreet(s.street());
        f.setPostalCode(s.postalCode());
        f.setCity(s.city());
        f.setStepFree(s.stepFree());
        f.setChairName(s.chairName());
        f.setChairPhone(s.chairPhone());
        f.setAreaKey(area.officialKey());
        f.setAreaHierarchy(area.hierarchy());
        return f;
    }

    static ReportingUnitForm unitForm(AreaService.UnitView v) {
        ReportingUnitForm f = new ReportingUnitForm();
        f.setKind(v.unit().kind());
        f.setOfficialKey(v.unit().officialKey());
        f.setName(v.unit().name());
        f.setPollingStationKey(v.station() == null ? null : v.station().stationKey());
        f.setCountedWithKey(v.countedWith() == null ? null : v.countedWith().officialKey());
        v.areas().forEach((h, a) -> f.getAreas().put(h, a.officialKey()));
        return f;
    }

    static NominationForm nominationForm(Nomination n, Area area) {
        NominationForm f = new NominationForm();
        f.setVoteKind(n.voteKind());
        f.setAreaKey(area == null ? null : area.officialKey());
        f.setBallotPosition(n.ballotPosition());
        f.setShortName(n.shortName());
        f.setName(n.name());
        f.setGroupKind(n.groupKind());
        return f;
    }

    static CandidateForm candidateForm(Candidate c) {
        CandidateForm f = new CandidateForm();
        f.setListPosition(c.listPosition());
        f.setFamilyName(c.familyName());
        f.setGivenNames(c.givenNames());
        f.setTitle(c.title());
        f.setProfession(c.profession());
        f.setYearOfBirth(c.yearOfBirth());
        f.setPlace(c.place());
        return f;
    }

    // --- from an imported election bundle (docs/formats/election-bundle.md) ---

    static AreaForm areaForm(de.wahlwerk.core.formats.ElectionBundle.Area a) {
        AreaForm f = new AreaForm();
        f.setHierarchy(a.hierarchy());
        f.setLevel(a.level());
        f.setOfficialKey(a.key());
        f.setName(a.name());
        return f;
    }

    static PollingStationForm stationForm(de.wahlwerk.core.formats.ElectionBundle.PollingStation s) {
        PollingStationForm f = new PollingStationForm();
        f.setStationKey(s.key());
        f.setName(s.name());
        f.setStreet(s.street());
        f.setPostalCode(s.postalCode());
        f.setCity(s.city());
        f.setStepFree(s.stepFree());
        f.setChairName(s.chairName());
        f.setChairPhone(s.chairPhone());
        return f;
    }

    static ReportingUnitForm unitForm(de.wahlwerk.core.formats.ElectionBundle.Unit u) {
        ReportingUnitForm f = new ReportingUnitForm();
        f.setKind(u.kind());
        f.setOfficialKey(u.key());
        f.setName(u.name());
        return f;
    }

    static ElectionForm electionForm(de.wahlwerk.core.formats.ElectionBundle.Election e) {
        ElectionForm f = new ElectionForm();
        f.setKind(e.kind());
        f.setName(e.name());
        f.setSeats(e.seats());
        f.setVotesPerVoter(e.votesPerVoter());
        f.setMaxVotesPerCandidate(e.maxVotesPerCandidate());
        f.setHierarchy(e.hierarchy());
        return f;
    }

    static NominationForm nominationForm(de.wahlwerk.core.formats.ElectionBundle.Nomination n) {
        NominationForm f = new NominationForm();
        f.setVoteKind(n.voteKind());
        f.setBallotPosition(n.ballotPosition());
        f.setShortName(n.shortName());
        f.setName(n.name());
        f.setGroupKind(n.groupKind());
        return f;
    }

    static CandidateForm candidateForm(de.wahlwerk.core.formats.ElectionBundle.Candidate c) {
        CandidateForm f = new CandidateForm();
        f.setListPosition(c.listPosition());
        f.setFamilyName(c.familyName());
        f.setGivenNames(c.givenNames());
        f.setTitle(c.title());
        f.setProfession(c.profession());
        f.setYearOfBirth(c.yearOfBirth());
        f.setPlace(c.place());
        return f;
    }
}
