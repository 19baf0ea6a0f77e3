package org.lessoncommons.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MediaInfoTests {

    @Test
    void appendsOnlyTheTagsTheExtractedTextLacks() {
        var tags = new MediaInfo.Tags("《春晓》范读音频", "城南实验小学 一年级语文组", null, "朗读：李老师");

        String text = tags.appendTo("《春晓》范读音频\n城南实验小学 一年级语文组");

        assertThat(text).isEqualTo("《春晓》范读音频\n城南实验小学 一年级语文组\n\n朗读：李老师");
    }

    @Test
    void tagsAreTheWholeTextOfAVideoTikaCannotRead() {
        var tags = new MediaInfo.Tags("第三套全国中小学生广播体操《七彩阳光》", null, null, "城南实验小学 大课间活动");

        assertThat(tags.appendTo("")).isEqualTo("第三套全国中小学生广播体操《七彩阳光》\n城南实验小学 大课间活动");
    }

    @Test
    void blankTagsCountAsAbsent() {
        assertThat(new MediaInfo.Tags(" ", "", null, "\n")).isEqualTo(new MediaInfo.Tags(null, null, null, null));
    }
}
