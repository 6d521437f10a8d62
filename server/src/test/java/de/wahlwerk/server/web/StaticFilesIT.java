package de.wahlwerk.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.resource.CachingResourceTransformer;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

class StaticFilesIT extends IntegrationTest {

    @Autowired
    @Qualifier("resourceHandlerMapping")
    HandlerMapping resources;

    @Test
    void styleSheetsAndScriptsAreTheFilesWithTypeAndDate() throws Exception {
        for (String[] file : new String[][] {{"/css/wahlwerk.css", "text/css"}, {"/js/wahlwerk.js", "text/javascript"},
                {"/js/progress.js", "text/javascript"}}) {
            HttpResponse<byte[]> first = session().getBytes(file[0]);
            assertThat(first.statusCode()).as(file[0]).isEqualTo(200);
            assertThat(first.headers().firstValue("Content-Type")).as(file[0]).hasValueSatisfying(t -> assertThat(t).startsWith(file[1]));
            byte[] onDisk = new ClassPathResource("static" + file[0]).getContentAsByteArray();
            assertThat(first.body()).as(file[0]).isEqualTo(onDisk);
            // The second answer comes from memory and is the same.
            assertThat(session().getBytes(file[0]).body()).as(file[0] + " again").isEqualTo(onDisk);
            String modified = first.headers().firstValue("Last-Modified").orElseThrow();
            HttpResponse<byte[]> again = session().sendBytes(HttpRequest.newBuilder(URI.create("http://localhost:" + port + file[0]))
                    .header("If-Modified-Since", modified).build());
            assertThat(again.statusCode()).as(file[0] + " unchanged since " + modified).isEqualTo(304);
        }
    }

    @Test
    void whatIsNotThereIsNotFoundAndNothingOutsideIsServed() {
        assertThat(session().get("/css/nicht-da.css").statusCode()).isEqualTo(404);
        assertThat(session().get("/js/../application.yml").statusCode()).isNotEqualTo(200);
        assertThat(session().get("/css/%2e%2e/application.yml").statusCode()).isNotEqualTo(200);
        assertThat(session().get("/css/wahlwerk.js").statusCode()).as("scripts only under /js/").isEqualTo(404);
    }

    @Test
    void theFilesAreKeptInMemoryByTheResourceChain() throws Exception {
        for (String path : new String[] {"/css/wahlwerk.css", "/js/wahlwerk.js"}) {
            var chain = resources.getHandler(new MockHttpServletRequest("GET", path));
            assertThat(chain).as(path).isNotNull();
            ResourceHttpRequestHandler handler = (ResourceHttpRequestHandler) chain.getHandler();
            assertThat(handler.getResourceTransformers()).as(path)
                    .hasExactlyElementsOfTypes(CachingResourceTransformer.class, StaticFiles.InMemory.class);
        }
    }
}
