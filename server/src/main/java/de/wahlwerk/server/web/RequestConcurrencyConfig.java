package de.wahlwerk.server.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Registers the request limit right after the public read filter: a public page is answered
 * before it, every other request waits for its turn before Spring Security and MVC (ADR 0011).
 */
@Configuration(proxyBeanMethods = false)
class RequestConcurrencyConfig {

    /** Turns per core when {@code wahlwerk.max-concurrent-requests} is 0 (automatic). */
    static final int TURNS_PER_CORE = 4;

    @Bean
    FilterRegistrationBean<RequestConcurrencyFilter> requestConcurrencyFilter(
            @Value("${wahlwerk.max-concurrent-requests:0}") int configured,
            @Value("${wahlwerk.max-request-wait-ms:20000}") long maxWaitMillis,
            @Value("${spring.datasource.hikari.maximum-pool-size:20}") int connections) {
        if (configured < 0) {
            throw new IllegalArgumentException("wahlwerk.max-concurrent-requests must be 0 (automatic) or more, is " + configured);
        }
        int limit = configured > 0 ? configured : TURNS_PER_CORE * Runtime.getRuntime().availableProcessors();
        if (limit >= connections) {
            org.slf4j.LoggerFactory.getLogger(RequestConcurrencyConfig.class).warn(
                    "{} staff requests at once, but only {} database connections: the threads that publish the numbers "
                            + "may wait behind the clerks. Set spring.datasource.hikari.maximum-pool-size above "
                            + "wahlwerk.max-concurrent-requests (ADR 0011).", limit, connections);
        }
        FilterRegistrationBean<RequestConcurrencyFilter> registration =
                new FilterRegistrationBean<>(new RequestConcurrencyFilter(limit, maxWaitMillis));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.setName("wahlwerkRequestConcurrency");
        return registration;
    }
}
