package org.lessoncommons.web;

import java.util.Map;
import java.util.Optional;

/** Labels of the semester and textbook edition codes the index files materials under. */
final class TextbookTerms {

    private static final Map<String, Term> SEMESTERS = Map.of(
            "FIRST_TERM", new Term("FIRST_TERM", "上册", "First term"),
            "SECOND_TERM", new Term("SECOND_TERM", "下册", "Second term"));
    private static final Map<String, Term> EDITIONS = Map.of(
            "PEP", new Term("PEP", "人教版", "PEP (人教版)"),
            "UNIFIED", new Term("UNIFIED", "部编版", "Unified edition (部编版)"),
            "BNU", new Term("BNU", "北师大版", "BNU (北师大版)"),
            "JIANGSU", new Term("JIANGSU", "苏教版", "Jiangsu (苏教版)"),
            "FLTRP", new Term("FLTRP", "外研版", "FLTRP (外研版)"),
            "SHANGHAI", new Term("SHANGHAI", "沪教版", "Shanghai (沪教版)"));

    private TextbookTerms() {}

    static Term semester(String code) {
        return SEMESTERS.getOrDefault(code, new Term(code, code, code));
    }

    /** An edition without a code of its own is filed under its name (湘教版). */
    static Term edition(String code) {
        return EDITIONS.getOrDefault(code, new Term(code, code, code));
    }

    /** Accepts the code or the Chinese label (上册). */
    static Optional<String> semesterCode(String value) {
        return SEMESTERS.values().stream()
                .filter(t -> t.code().equalsIgnoreCase(value) || t.label().equals(value))
                .map(Term::code)
                .findFirst();
    }

    static Optional<String> editionCode(String value) {
        return Optional.of(EDITIONS.values().stream()
                .filter(t -> t.code().equalsIgnoreCase(value) || t.label().equals(value))
                .map(Term::code)
                .findFirst()
                .orElse(value));
    }
}
