package org.lessoncommons.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lessoncommons.search.SampleMaterials.material;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SynonymsTests {

    private final SearchIndex index = new SearchIndex(new ByteBuffersDirectory());

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    @Test
    void findsCoursewareByPpt() {
        index.index(material("courseware", "分数的初步认识 课件", "第一张：情境导入。"));
        index.index(material("plan", "分数的初步认识 教案", "教学目标。"));

        assertThat(ids(index.search(SearchQuery.of("ppt")))).containsExactly("courseware");
        assertThat(ids(index.search(SearchQuery.of("分数 PPT")))).containsExactly("courseware");
    }

    @Test
    void findsLessonPlanByTeachingDesign() {
        index.index(material("plan", "静夜思 教案", "教学目标。"));
        index.index(material("design", "静夜思 教学设计", "教学目标。"));
        index.index(material("exam", "静夜思 练习", "默写。"));

        assertThat(ids(index.search(SearchQuery.of("静夜思教学设计")))).containsExactly("design", "plan");
    }

    @Test
    void findsTheNewSubjectNameByItsOldName() {
        index.index(material("morality", "道德与法治 三年级 第一课", "我是独特的。"));

        assertThat(ids(index.search(SearchQuery.of("思品")))).containsExactly("morality");
    }

    @Test
    void findsAnEditionByItsPublisherAndBack() {
        index.index(material("short", "人教版 三年级 语文", "第一单元。"));
        index.index(material("long", "人民教育出版社 四年级 数学", "第一单元。"));

        assertThat(ids(index.search(SearchQuery.of("人民教育出版社")))).containsExactlyInAnyOrder("short", "long");
        assertThat(ids(index.search(SearchQuery.of("人教版")))).containsExactlyInAnyOrder("short", "long");
    }

    @Test
    void ranksTheTypedWordAboveItsSynonym() {
        index.index(material("synonym", "分数 课件", "认识分数。"));
        index.index(material("typed", "分数 PPT", "认识分数。"));

        assertThat(ids(index.search(SearchQuery.of("PPT")))).containsExactly("typed", "synonym");
    }

    @Test
    void readsEquivalentAndOneWaySynonyms() {
        Synonyms synonyms = Synonyms.parse(List.of("课件, PPT", "国语 => 语文"));

        assertThat(synonyms.of("ppt")).containsExactly("课件");
        assertThat(synonyms.of("課件")).containsExactly("PPT");
        assertThat(synonyms.of("国语")).containsExactly("语文");
        assertThat(synonyms.of("语文")).isEmpty();
    }

    private static List<String> ids(SearchResults results) {
        return results.hits().stream().map(SearchHit::id).toList();
    }
}
