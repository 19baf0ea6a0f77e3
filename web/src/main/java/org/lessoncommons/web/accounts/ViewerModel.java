package org.lessoncommons.web.accounts;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page knows who is signed in (the header shows the name and a sign-out button). */
@ControllerAdvice
class ViewerModel {

    private final Viewers viewers;

    ViewerModel(Viewers viewers) {
        this.viewers = viewers;
    }

    @ModelAttribute("viewer")
    @Nullable
    Viewer viewer() {
        return viewers.find().orElse(null);
    }
}
