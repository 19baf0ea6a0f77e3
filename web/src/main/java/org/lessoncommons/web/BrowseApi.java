package org.lessoncommons.web;

import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The listings of the alliance home, "my uploads" and a school's page, as JSON. */
@RestController
class BrowseApi {

    private final Browsing browsing;

    BrowseApi(Browsing browsing) {
        this.browsing = browsing;
    }

    /** Newest and most downloaded materials the viewer may see, and the alliance's schools. */
    @GetMapping("/api/home")
    Browsing.Home home() {
        return browsing.home();
    }

    /** The signed-in teacher's uploads, newest first, deleted ones included. */
    @GetMapping("/api/me/materials")
    List<MaterialView> mine() {
        return browsing.mine();
    }

    /** What a school of the viewer's alliance contributed (that the viewer may see), newest first. */
    @GetMapping("/api/schools/{id}/materials")
    Browsing.SchoolPage school(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page) {
        return browsing.school(id, page);
    }
}
