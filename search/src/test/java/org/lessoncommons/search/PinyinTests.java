package org.lessoncommons.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lessoncommons.search.SampleMaterials.material;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PinyinTests {

    private final SearchIndex index = new SearchIndex(new ByteBuffersDirectory());

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    @Test
    void readsTitlesAsTonelessSyllables() {
        assertThat(Pinyin.syllables("静夜思 教案")).containsExactly("jing", "ye", "si", "jiao", "an");
        assertThat(Pinyin.syllables("PPT课件2")).containsExactly("ppt", "ke", "jian", "2");
        assertThat(Pinyin.initials("登鹳雀楼")).containsExactly("d", "g", "q", "l");
    }

    @Test
    void readsPolyphonicWordsFromTheWordList() {
        assertThat(Pinyin.syllables("长江之歌")).containsExactly("chang", "jiang", "zhi", "ge");
        assertThat(Pinyin.syllables("音乐欣赏")).containsExactly("yin", "yue", "xin", "shang");
        assertThat(Pinyin.syllables("我们的校长")).containsExactly("wo", "men", "de", "xiao", "zhang");
        assertThat(Pinyin.syllables("绿色")).containsExactly("lv", "se");
    }

    @Test
    void indexesEveryRunOfInitials() {
        assertThat(Pinyin.initialRuns("静夜思")).containsExactly("jy", "jys", "ys");
        assertThat(Pinyin.initialRuns("登鹳雀楼 课件"))
                .contains("dgql", "dgqlkj", "lk")
                .doesNotContain("d", "dk");
        assertThat(Pinyin.initialRuns("一二三四五六七八九十").stream()
                        .mapToInt(String::length)
                        .max())
                .hasValue(Pinyin.LONGEST_RUN);
    }

    @Test
    void splitsTypedPinyinIntoSyllables() {
        assertThat(Pinyin.split("jingyesi")).hasValue(List.of("jing", "ye", "si"));
        assertThat(Pinyin.split("XiAn")).hasValue(List.of("xian"));
        assertThat(Pinyin.split("changan")).hasValue(List.of("chang", "an"));
        assertThat(Pinyin.split("qwrt")).isEmpty();
        assertThat(Pinyin.splitPrefix("jingy")).hasValue(List.of("jing", "y"));
    }

    @Test
    void findsTitleByFullPinyin() {
        index.index(material("poem", "古诗 静夜思 教案", "床前明月光。"));
        index.index(material("other", "精彩的夜晚 作文", "夜色很美。"));

        assertThat(ids(index.search(SearchQuery.of("jingyesi")))).containsExactly("poem");
        assertThat(ids(index.search(SearchQuery.of("JingYeSi jiaoan")))).containsExactly("poem");
    }

    @Test
    void findsTitleByPinyinInitials() {
        index.index(material("poem", "静夜思", "床前明月光。"));
        index.index(material("tower", "登鹳雀楼", "白日依山尽。"));

        assertThat(ids(index.search(SearchQuery.of("jys")))).containsExactly("poem");
        assertThat(ids(index.search(SearchQuery.of("dgql")))).containsExactly("tower");
    }

    @Test
    void findsPolyphonicTitleByItsRightReading() {
        index.index(material("river", "长江之歌 音乐课", "学唱歌曲。"));

        assertThat(ids(index.search(SearchQuery.of("changjiang")))).containsExactly("river");
        assertThat(ids(index.search(SearchQuery.of("yinyue")))).containsExactly("river");
    }

    @Test
    void doesNotMatchPinyinOfTheBody() {
        index.index(material("plan", "古诗教学", "静夜思"));

        assertThat(index.search(SearchQuery.of("jingyesi")).totalHits()).isZero();
    }

    private static List<String> ids(SearchResults results) {
        return results.hits().stream().map(SearchHit::id).toList();
    }
}
