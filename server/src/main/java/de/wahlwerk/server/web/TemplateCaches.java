package de.wahlwerk.server.web;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.cache.StandardCacheManager;

/**
 * Thymeleaf's caches sized for all our templates at once. Its default expression cache holds 500
 * parsed expressions and drops the oldest beyond that; the staff pages and the public pages
 * together have more, so a public page's expression was parsed again after a while, and with it
 * its compiled SpEL form compiled again (ADR 0010). Strong references: a collector clears soft references
 * when the heap is full, which on election night it is.
 */
@Configuration(proxyBeanMethods = false)
class TemplateCaches {

    /** More than twice the expressions written in all templates (TemplateCachesIT counts them). */
    static final int EXPRESSIONS = 8_000;
    static final int TEMPLATES = 500;

    @Bean
    static BeanPostProcessor templateCacheSizes() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof TemplateEngine engine) {
                    StandardCacheManager caches = new StandardCacheManager();
                    caches.setExpressionCacheMaxSize(EXPRESSIONS);
                    caches.setExpressionCacheUseSoftReferences(false);
                    caches.setTemplateCacheMaxSize(TEMPLATES);
                    caches.setTemplateCacheUseSoftReferences(false);
                    engine.setCacheManager(caches);
                }
                return bean;
            }
        };
    }
}
