package de.wahlwerk.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.ui.ExtendedModelMap;

/**
 * The request limit in the running server (ADR 0011): registered before Spring Security with four
 * turns per core, it holds a real staff request back while every turn is taken, and lets a
 * style sheet through; its 503 is explained on the German error page.
 */
class RequestConcurrencyIT extends IntegrationTest {

    @Autowired
    FilterRegistrationBean<RequestConcurrencyFilter> registration;

    @Autowired
    WebErrorController errors;

    @Autowired
    MessageSource messages;

    @Test
    void aStaffRequestWaitsWhileEveryTurnIsTakenAndAStyleSheetOrAHealthCheckDoesNot() throws Exception {
        RequestConcurrencyFilter filter = registration.getFilter();
        assertThat(filter.limit()).isEqualTo(RequestConcurrencyConfig.TURNS_PER_CORE * Runtime.getRuntime().availableProcessors());
        assertThat(registration.getOrder()).as("before Spring Security's filter chain")
                .isLessThan(org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties.DEFAULT_FILTER_ORDER);

        CountDownLatch taken = new CountDownLatch(filter.limit());
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> holders = new ArrayList<>();
        for (int i = 0; i < filter.limit(); i++) {
            holders.add(RequestConcurrencyFilterTest.holdTurn(filter, taken, release));
        }
        try {
            assertThat(taken.await(10, TimeUnit.SECONDS)).as("every turn taken").isTrue();
            CompletableFuture<HttpResponse<String>> login = java.net.http.HttpClient.newHttpClient().sendAsync(
                    HttpRequest.newBuilder(URI.create(session().base() + "/login")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(session().get("/css/wahlwerk.css").statusCode()).as("a style sheet does not queue").isEqualTo(200);
            assertThat(session().get("/health").statusCode()).as("nor does the load balancer's health check").isEqualTo(200);
            Thread.sleep(300);
            assertThat(login).as("the sign-in page waits for a turn").isNotDone();
            release.countDown();
            assertThat(login.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        } finally {
            release.countDown();
            for (Thread t : holders) {
                t.join(10_000);
            }
        }
        assertThat(filter.working()).isZero();
    }

    @Test
    void itsRefusalIsExplainedInGerman() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/entry/elections/1/reports");
        request.setAttribute(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, 503);
        ExtendedModelMap model = new ExtendedModelMap();
        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThat(errors.html(request, response, model)).isEqualTo("error");
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(model.get("messageKey")).isEqualTo("error.overloaded");
        assertThat(messages.getMessage("error.overloaded", null, java.util.Locale.GERMAN))
                .contains("ausgelastet", "nichts gespeichert");
    }
}
