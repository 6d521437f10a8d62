package de.wahlwerk.server.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Every endpoint has a rule here; anything not named is refused. Fine-grained checks (which
 * municipality, which unit) follow in the feature services through {@link AccessPolicy}.
 */
@Configuration
@EnableWebSecurity
class SecurityConfig {

    /** Content Security Policy: only our own scripts and styles; QR codes arrive as data: images. */
    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    }

    @Bean
    SecurityFilterChain staffChain(HttpSecurity http, StaffAuthenticationProvider provider) throws Exception {
        http.authenticationProvider(provider)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/setup/**", "/invite/**", "/q/**", "/css/**", "/js/**", "/img/**",
                                "/favicon.ico", "/error", "/health", "/wahlschein/**", "/wahlhelfer/**").permitAll()
                        // Public results: one server-sent event per publication (publish.LiveFeed)
                        .requestMatchers(HttpMethod.GET, "/wahlen-live/**").permitAll()
                        // Poll workers' personal data: their office and administrators only.
                        .requestMatchers("/admin/pollworkers/**")
                                .hasAnyRole(Role.ADMIN.name(), Role.POLL_WORKER_OFFICE.name())
                        .requestMatchers("/admin/users/**", "/api/users/**", "/admin/audit/**", "/api/audit/**")
                                .hasRole(Role.ADMIN.name())
                        .requestMatchers(writes()).hasRole(Role.ADMIN.name())
                        // the form to correct an entered lot is only for administrators, like the write
                        .requestMatchers("/admin/results/elections/*/lots/*/correction").hasRole(Role.ADMIN.name())
                        .requestMatchers("/admin/**", "/api/**", "/").authenticated()
                        .anyRequest().denyAll())
                .formLogin(form -> form
                        .loginPage("/login")
                        .authenticationDetailsSource(LoginDetails::new)
                        .failureHandler(failureHandler())
                        .defaultSuccessUrl("/admin", false))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                // Programs calling the API get 401, people get the login page.
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                        PathPatternRequestMatcher.withDefaults().matcher("/api/**")))
                .sessionManagement(s -> s.sessionFixation(f -> f.newSession()))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** Changes to the election setup and entering lots for seats (UI forms and REST writes) need an administrator. */
    private static RequestMatcher writes() {
        return request -> {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            boolean setup = path.startsWith("/admin/setup") || path.startsWith("/api/setup")
                    || path.startsWith("/admin/results") || path.startsWith("/api/results")
                    || path.startsWith("/admin/register") || path.startsWith("/api/register")
                    || path.startsWith("/admin/pollcards") || path.startsWith("/api/pollcards");
            boolean write = !HttpMethod.GET.matches(request.getMethod()) && !HttpMethod.HEAD.matches(request.getMethod());
            return setup && write;
        };
    }

    private static AuthenticationFailureHandler failureHandler() {
        return (request, response, exception) -> {
            String reason = switch (exception) {
                case LockedException l -> "locked";
                case StaffAuthenticationProvider.SecondFactorException s -> "code";
                default -> "failed";
            };
            response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
        };
    }
}
