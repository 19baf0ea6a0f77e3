package org.lessoncommons.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SubtitlesTests {

    @Test
    void keepsTheSpokenLinesOfAnSrtFile() {
        String srt = "1\n00:00:00,000 --> 00:00:02,000\n同学们，今天我们学习《小蝌蚪找妈妈》。\n\n"
                + "2\n00:00:02,000 --> 00:00:04,500\n<i>请大家打开课本</i>\n";

        String text = Subtitles.text(new ByteArrayInputStream(srt.getBytes(StandardCharsets.UTF_8)));

        assertThat(text).isEqualTo("同学们，今天我们学习《小蝌蚪找妈妈》。\n请大家打开课本");
    }

    @Test
    void readsAGbkEncodedVttFile() {
        String vtt = "WEBVTT\n\n00:01.000 --> 00:03.000\n鸡兔同笼问题可以用假设法解决\n";

        String text = Subtitles.text(new ByteArrayInputStream(vtt.getBytes(Charset.forName("GBK"))));

        assertThat(text).isEqualTo("鸡兔同笼问题可以用假设法解决");
    }
}
