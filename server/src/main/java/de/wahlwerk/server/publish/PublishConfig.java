package de.wahlwerk.server.publish;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers the public read filter first, ahead of Spring Security and MVC. */
@Configuration(proxyBeanMethods = false)
class PublishConfig {

    @Bean
    FilterRegistrationBean<PublicReadFilter> publicReadFilter(Snapshots snapshots, NotPublishedPage notPublished) {
        FilterRegistrationBean<PublicReadFilter> registration =
                new FilterRegistrationBean<>(new PublicReadFilter(snapshots, notPublished));
        registration.addUrlPatterns("/wahlen/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("wahlwerkPublicRead");
        return registration;
    }
}
