package de.wahlwerk.server.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceTransformer;
import org.springframework.web.servlet.resource.ResourceTransformerChain;
import org.springframework.web.servlet.resource.TransformedResource;

/**
 * The staff pages' style sheets and scripts ({@code /css/**}, {@code /js/**}) are read from the jar
 * once and then served from memory.
 *
 * <p>Spring Boot's default handler opens the jar entry for every request: a crowd of request
 * threads then queues on the jar's monitor and on the JDK's {@code Cleaner} list that every
 * inflating stream joins, the pair in which a node started into a crowd deadlocked once (ADR
 * 0016). The resource chain caches the resolved file ({@code CachingResourceResolver}) and, with
 * {@link InMemory}, its bytes ({@code CachingResourceTransformer}); {@code Last-Modified} and the
 * content type still come from the file. The public site's files are in memory already (its
 * snapshots, ADR 0601).
 */
@Configuration
class StaticFiles implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        for (String dir : new String[] {"css", "js"}) {
            registry.addResourceHandler("/" + dir + "/**").addResourceLocations("classpath:/static/" + dir + "/")
                    .resourceChain(true).addTransformer(new InMemory());
        }
    }

    /** A file's bytes, read once; the chain's cache keeps the result. */
    static final class InMemory implements ResourceTransformer {
        @Override
        public Resource transform(HttpServletRequest request, Resource resource, ResourceTransformerChain chain)
                throws IOException {
            Resource transformed = chain.transform(request, resource);
            return transformed instanceof TransformedResource ? transformed
                    : new TransformedResource(transformed, transformed.getContentAsByteArray());
        }
    }
}
