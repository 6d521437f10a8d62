package de.wahlwerk.server.security;

import de.wahlwerk.server.web.InvalidInputException;
import de.wahlwerk.server.web.Problems;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * One-time links: {@code /setup/{token}} creates the first administrator, {@code /invite/{token}}
 * lets an invited staff member set password and second factor.
 */
@Controller
class AccountLinkController {

    private final StaffService staff;
    private final TotpService totp;
    private final Problems problems;

    AccountLinkController(StaffService staff, TotpService totp, Problems problems) {
        this.staff = staff;
        this.totp = totp;
        this.problems = problems;
    }

    @GetMapping({"/setup/{token}", "/invite/{token}"})
    String show(@PathVariable String token, Model model) {
        var target = staff.linkTarget(token).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        AccountForm form = new AccountForm();
        form.setSecret(totp.newSecret());
        return page(model, target, form, token);
    }

    @PostMapping({"/setup/{token}", "/invite/{token}"})
    String complete(@PathVariable String token, @Valid @ModelAttribute("form") AccountForm form, BindingResult binding,
            Model model) {
        var target = staff.linkTarget(token).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (form.getSecret() == null || form.getSecret().isBlank()) {
            form.setSecret(totp.newSecret());
        }
        if (!binding.hasErrors()) {
            try {
                staff.completeLink(token, form);
                return "redirect:/login?created";
            } catch (InvalidInputException e) {
                problems.bind(e.problems(), binding);
            }
        }
        return page(model, target, form, token);
    }

    private String page(Model model, StaffService.LinkTarget target, AccountForm form, String token) {
        String name = target.firstAdministrator() ? "admin" : target.username();
        model.addAttribute("form", form);
        model.addAttribute("target", target);
        model.addAttribute("token", token);
        model.addAttribute("qr", totp.qrDataUri(name, form.getSecret()));
        model.addAttribute("action", (target.firstAdministrator() ? "/setup/" : "/invite/") + token);
        return "security/account-link";
    }
}
