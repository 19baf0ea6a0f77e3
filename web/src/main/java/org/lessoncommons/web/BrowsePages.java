package org.lessoncommons.web;

import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The alliance home, "my uploads" and a school's page. */
@Controller
class BrowsePages {

    private final Browsing browsing;

    BrowsePages(Browsing browsing) {
        this.browsing = browsing;
    }

    @GetMapping("/home")
    String home(Model model) {
        model.addAttribute("home", browsing.home());
        return "home";
    }

    @GetMapping("/mine")
    String mine(Model model) {
        model.addAttribute("materials", browsing.mine());
        return "mine";
    }

    @GetMapping("/schools/{id}")
    String school(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", browsing.school(id, page));
        return "school";
    }
}
