package org.lessoncommons.bench.solr;

import java.util.List;
import java.util.Map;

/** What one search returned, read out of Solr's response as the app would build its SearchResults. */
record Page(long numFound, List<Hit> hits, Map<String, Map<String, Long>> facets) {

    record Hit(String id, String title, String titleHtml, String snippetHtml) {}

    List<String> ids() {
        return hits.stream().map(Hit::id).toList();
    }
}
