package org.lessoncommons.web;

import org.lessoncommons.storage.Grade;
import org.lessoncommons.storage.ResourceType;
import org.lessoncommons.storage.Sharing;
import org.lessoncommons.storage.Subject;

/** A controlled-vocabulary value with its Chinese and English labels. */
record Term(String code, String label, String englishLabel) {

    static Term of(Subject s) {
        return new Term(s.name(), s.label(), s.englishLabel());
    }

    static Term of(Grade g) {
        return new Term(g.name(), g.label(), g.englishLabel());
    }

    static Term of(ResourceType t) {
        return new Term(t.name(), t.label(), t.englishLabel());
    }

    static Term of(Sharing s) {
        return new Term(s.name(), s.label(), s.englishLabel());
    }

    static Term subject(String code) {
        return Subject.parse(code).map(Term::of).orElse(new Term(code, code, code));
    }

    static Term grade(String code) {
        return Grade.parse(code).map(Term::of).orElse(new Term(code, code, code));
    }

    static Term resourceType(String code) {
        return ResourceType.parse(code).map(Term::of).orElse(new Term(code, code, code));
    }
}
