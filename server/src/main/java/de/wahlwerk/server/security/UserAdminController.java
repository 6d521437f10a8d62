package de.wahlwerk.server.security;

import de.wahlwerk.server.web.Forms;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff administration: invite, grant and revoke roles within one's scope, disable accounts. */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

    private final StaffService staff;
    private final Forms forms;

    UserAdminController(StaffService staff, Forms forms) {
        this.staff = staff;
        this.forms = forms;
    }

    @ModelAttribute
    void roles(Model model) {
        model.addAttribute("roles", Role.values());
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("users", staff.list());
        return "users/list";
    }

    @GetMapping("/new")
    String newUser(Model model) {
        model.addAttribute("form", new StaffForm());
        return "users/form";
    }

    @PostMapping
    String invite(@Valid @ModelAttribute("form") StaffForm form, BindingResult binding, HttpServletRequest request,
            RedirectAttributes ra) {
        return forms.submit(binding, () -> {
            var invitation = staff.invite(form);
            ra.addFlashAttribute("inviteLink", link(request, invitation.token()));
            return "redirect:/admin/users/" + invitation.userId();
        }, "users/form");
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("user", staff.get(id));
        model.addAttribute("grantForm", new StaffForm());
        return "users/detail";
    }

    @PostMapping("/{id}/grants")
    String grant(@PathVariable long id, @RequestParam Role role, @RequestParam(required = false) String scopeHierarchy,
            @RequestParam(required = false) String scopeKey, RedirectAttributes ra) {
        staff.grant(id, grant(role, scopeHierarchy, scopeKey));
        ra.addFlashAttribute("saved", true);
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/{id}/grants/revoke")
    String revoke(@PathVariable long id, @RequestParam Role role, @RequestParam(required = false) String scopeHierarchy,
            @RequestParam(required = false) String scopeKey, RedirectAttributes ra) {
        staff.revoke(id, grant(role, scopeHierarchy, scopeKey));
        ra.addFlashAttribute("saved", true);
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/{id}/enabled")
    String enabled(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes ra) {
        staff.setEnabled(id, enabled);
        ra.addFlashAttribute("saved", true);
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/{id}/reinvite")
    String reinvite(@PathVariable long id, HttpServletRequest request, RedirectAttributes ra) {
        ra.addFlashAttribute("inviteLink", link(request, staff.reinvite(id).token()));
        return "redirect:/admin/users/" + id;
    }

    private static RoleGrant grant(Role role, String hierarchy, String key) {
        StaffForm f = new StaffForm();
        f.setRole(role);
        f.setScopeHierarchy(hierarchy);
        f.setScopeKey(key);
        if (f.getScopeKey() != null && !f.getScopeKey().matches("[0-9A-Za-z][0-9A-Za-z._/-]{0,39}")) {
            throw new de.wahlwerk.server.web.InvalidInputException(
                    de.wahlwerk.server.web.FieldProblem.of("scopeKey", "field.officialKey"));
        }
        if (f.getScopeHierarchy() != null && !f.getScopeHierarchy().isBlank()
                && !f.getScopeHierarchy().matches("[a-z][a-z0-9_-]{0,31}")) {
            throw new de.wahlwerk.server.web.InvalidInputException(
                    de.wahlwerk.server.web.FieldProblem.of("scopeHierarchy", "field.hierarchy"));
        }
        return f.grant();
    }

    private static String link(HttpServletRequest request, String token) {
        String base = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                + request.getContextPath();
        return base + "/invite/" + token;
    }
}
