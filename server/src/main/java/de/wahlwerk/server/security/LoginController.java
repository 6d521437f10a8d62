package de.wahlwerk.server.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff sign-in page; the form posts to Spring Security's /login. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "security/login";
    }
}
