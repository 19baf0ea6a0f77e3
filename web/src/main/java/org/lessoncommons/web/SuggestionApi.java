package org.lessoncommons.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.search.SearchIndex;
import org.lessoncommons.search.Suggestion;
import org.lessoncommons.web.accounts.Viewers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Search-as-you-type: titles the signed-in viewer may see that complete what they typed. */
@RestController
class SuggestionApi {

    static final int DEFAULT_LIMIT = 8;

    private final SearchIndex index;
    private final Viewers viewers;

    SuggestionApi(SearchIndex index, Viewers viewers) {
        this.index = index;
        this.viewers = viewers;
    }

    record SuggestionView(String id, String title, String url) {

        static SuggestionView of(Suggestion suggestion) {
            return new SuggestionView(suggestion.id(), suggestion.title(), "/materials/" + suggestion.id());
        }
    }

    record Suggestions(String query, List<SuggestionView> suggestions) {}

    /** {@code q}: what is typed so far (characters, pinyin or initials); {@code limit}: 1 to 10. */
    @GetMapping("/api/suggestions")
    Suggestions suggest(
            @RequestParam(defaultValue = "") String q, @RequestParam(required = false) @Nullable Integer limit) {
        List<SuggestionView> found =
                index.suggest(q, viewers.current().audience(), limit == null ? DEFAULT_LIMIT : limit).stream()
                        .map(SuggestionView::of)
                        .toList();
        return new Suggestions(q.strip(), found);
    }
}
