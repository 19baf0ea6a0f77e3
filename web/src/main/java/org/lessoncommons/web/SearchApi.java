package org.lessoncommons.web;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SearchApi {

    private final Searches searches;

    SearchApi(Searches searches) {
        this.searches = searches;
    }

    /**
     * Full-text search with facet counts. {@code q} is free text (grade, subject, semester, edition
     * and type words in it become filters, returned as chips); {@code subject}, {@code grade} and
     * {@code type} take codes or Chinese labels and may repeat; {@code school} takes school ids;
     * {@code year} four digits; {@code sort} is relevance, newest or downloads.
     */
    @GetMapping("/api/search")
    SearchResultsView search(@ParameterObject SearchRequest request) {
        return searches.search(request);
    }
}
