package org.lessoncommons.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lessoncommons.search.QueryTerm.Part;

class QueryTermTests {

    private final ChineseAnalysis analysis = new ChineseAnalysis();

    @AfterEach
    void close() throws IOException {
        analysis.close();
    }

    @Test
    void splitsTextOnSpacesFullWidthSpacesAndPunctuation() {
        List<QueryTerm> terms = QueryTerm.parse("三年级　数学，《静夜思》 教案", analysis);

        assertThat(terms).extracting(QueryTerm::text).containsExactly("三年级", "数学", "静夜思", "教案");
    }

    @Test
    void keepsWholeWordsAsSeparateParts() {
        List<Part> parts = QueryTerm.parse("小数乘法", analysis).getFirst().parts();

        assertThat(parts).containsExactly(new Part("小数", "小数"), new Part("乘法", "乘法"));
    }

    @Test
    void gluesSingleCharactersToTheirNeighboursAsVerbatimText() {
        List<Part> poem = QueryTerm.parse("静夜思", analysis).getFirst().parts();
        List<Part> grade = QueryTerm.parse("三年级数学", analysis).getFirst().parts();
        List<Part> poet = QueryTerm.parse("王之涣", analysis).getFirst().parts();

        assertThat(poem).containsExactly(new Part("静夜思", null));
        assertThat(grade).containsExactly(new Part("三年级", null), new Part("数学", "数学"));
        assertThat(poet).containsExactly(new Part("王之涣", null));
    }

    @Test
    void trimsStopCharactersAtTheEdgesOfAGroup() {
        List<Part> parts = QueryTerm.parse("的分数", analysis).getFirst().parts();

        assertThat(parts).containsExactly(new Part("分数", "分数"));
    }

    @Test
    void dropsTermsOfOnlyStopWordsOrPunctuation() {
        List<QueryTerm> terms = QueryTerm.parse("的 了 是的 the ，。 ！ C++", analysis);

        assertThat(terms).extracting(QueryTerm::text).containsExactly("C++");
    }

    @Test
    void lowercasesAndStemsEnglishWordsLikeTheIndex() {
        List<Part> parts = QueryTerm.parse("Lessons", analysis).getFirst().parts();

        assertThat(parts).containsExactly(new Part("Lessons", "lesson"));
    }
}
