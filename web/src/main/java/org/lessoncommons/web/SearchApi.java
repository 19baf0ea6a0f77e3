package org.lessoncommons.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SearchApi {

    private final Searches searches;

    SearchApi(Searches searches) {
        this.searches = searches;
    }

    /**
     * Full-text search. {@code q} is free text; {@code subject}, {@code grade} and {@code type}
     * take a code or a Chinese label; {@code school} takes a school id; {@code sort} is {@code
     * relevance} (the default), {@code newest} or {@code downloads}.
     */
    @GetMapping("/api/search")
    Searches.ResultsView search(Searches.Request request) {
        return searches.search(request);
    }
}
