package de.wahlwerk.server.results;

import de.wahlwerk.server.entry.ReportChanged;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.WebUtils;

/**
 * Staff see their own confirmations in the results. The live tally applies a confirmation just
 * after its commit only if its writer is free, else moments later on its own thread
 * ({@link LiveTallies#catchUpSoon}); an approver opening the results right after approving could
 * miss the report just approved. So the session remembers the number of the last confirmation it
 * made, and a request to the staff results (pages, JSON, seats) whose session is ahead of the tally
 * catches up first. Everyone else's reads stay free of the writer: on election night the observers'
 * pages never queue for it, and the public site (package publish) is not concerned at all.
 * <p>
 * Per node, as the sessions are (sticky sessions, OPERATIONS.md).
 */
@Component
class OwnConfirmations implements HandlerInterceptor, WebMvcConfigurer {

    private static final String ATTRIBUTE = OwnConfirmations.class.getName() + ".sequence";

    private final LiveTallies tallies;

    OwnConfirmations(LiveTallies tallies) {
        this.tallies = tallies;
    }

    /** After the commit, still in the request that confirmed: the answer goes out only after this. */
    @TransactionalEventListener
    void confirmed(ReportChanged event) {
        if (event.sequence() <= 0
                || !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)) {
            return;
        }
        HttpSession session = request.getRequest().getSession(false);
        if (session == null) {
            return; // a board chair's phone: it is not shown results
        }
        synchronized (WebUtils.getSessionMutex(session)) {
            if (lastConfirmed(session) < event.sequence()) {
                session.setAttribute(ATTRIBUTE, event.sequence());
            }
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/admin/results/**", "/api/results/**");
    }

    /**
     * Before the handler, so before any transaction: the catch-up may wait for the writer, and must
     * not hold a pooled connection meanwhile (see {@link LiveTallies#catchUp}).
     */
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        HttpSession session = request.getSession(false);
        long own = session == null ? 0 : lastConfirmed(session);
        if (own > 0 && !tallies.reached(own)) {
            tallies.catchUp();
        }
        return true;
    }

    private static long lastConfirmed(HttpSession session) {
        return session.getAttribute(ATTRIBUTE) instanceof Long l ? l : 0;
    }
}
