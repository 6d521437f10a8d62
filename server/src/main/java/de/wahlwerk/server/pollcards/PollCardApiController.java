package de.wahlwerk.server.pollcards;

import de.wahlwerk.core.model.Election;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** JSON for scripts: start the print file and follow its progress; counts of requests and cards. */
@RestController
@RequestMapping("/api/pollcards/elections/{electionId}")
class PollCardApiController {

    private final PollCardService service;
    private final PrintJobs print;
    private final PollCardUiController ui;

    PollCardApiController(PollCardService service, PrintJobs print, PollCardUiController ui) {
        this.service = service;
        this.print = print;
        this.ui = ui;
    }

    @PostMapping("/print")
    ResponseEntity<Map<String, Object>> start(@PathVariable long electionId, HttpServletRequest request) {
        Election e = service.requireOffice(electionId);
        service.assignNoticeNumbers(electionId);
        print.start(e, service.day(e), ui.baseUrl(request), service.actorName(), service);
        return ResponseEntity.accepted().body(status(electionId));
    }

    @GetMapping("/print")
    Map<String, Object> progress(@PathVariable long electionId) {
        service.requireOffice(electionId);
        return status(electionId);
    }

    private Map<String, Object> status(long electionId) {
        Map<String, Object> m = new LinkedHashMap<>();
        print.job(electionId).ifPresentOrElse(j -> {
            m.put("state", j.state().name());
            m.put("done", j.done());
            m.put("total", j.total());
            m.put("parts", j.parts());
            m.put("perSecond", j.rate());
            m.put("perCpuSecond", j.ratePerCpuSecond());
            m.put("file", j.fileName());
        }, () -> m.put("state", "NONE"));
        return m;
    }
}
