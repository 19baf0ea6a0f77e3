package org.lessoncommons.web.accounts;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page and the page where a teacher changes their password. */
@Controller
class SignInPages {

    private final AccountApi accounts;

    SignInPages(AccountApi accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/login")
    String signIn(@RequestParam(name = "error", required = false) @Nullable String error, Model model) {
        model.addAttribute(
                "error",
                error == null
                        ? null
                        : switch (error) {
                            case "locked" -> "login.error.locked";
                            case "disabled" -> "login.error.disabled";
                            default -> "login.error.bad";
                        });
        return "login";
    }

    @GetMapping("/account")
    String account(Model model) {
        model.addAttribute("me", accounts.me());
        return "account";
    }

    @PostMapping("/account/password")
    String changePassword(
            @RequestParam("currentPassword") String current, @RequestParam("newPassword") String chosen, Model model) {
        try {
            accounts.changePassword(new AccountApi.PasswordChange(current, chosen));
            return "redirect:/account?changed";
        } catch (AccountProblem e) {
            model.addAttribute("me", accounts.me());
            model.addAttribute("error", e.getMessage());
            return "account";
        }
    }
}
