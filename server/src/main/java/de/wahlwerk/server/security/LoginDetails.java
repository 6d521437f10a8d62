package de.wahlwerk.server.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Login form details beyond user and password: the one-time code of the second factor. */
class LoginDetails extends WebAuthenticationDetails {

    private final String code;

    LoginDetails(HttpServletRequest request) {
        super(request);
        this.code = request.getParameter("code");
    }

    String code() {
        return code;
    }
}
