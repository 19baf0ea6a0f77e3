package org.lessoncommons.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@EnabledIf("ffmpegInstalled")
class MediaProbeTests {

    private final MediaProbe probe = new MediaProbe();

    @TempDir
    Path dir;

    @Test
    void readsDurationSizeAndTheQuickTimeTitleOfAMov() {
        MediaProbe.Probe mov = probe.probe(Fixtures.path("升旗仪式-片段.mov")).orElseThrow();

        assertThat(mov.durationSeconds()).isCloseTo(2.0, within(0.1));
        assertThat(mov.width()).isEqualTo(320);
        assertThat(mov.height()).isEqualTo(180);
        assertThat(mov.tags().title()).isEqualTo("国旗下讲话：做文明守纪的小学生（片段）");
        assertThat(mov.tags().comment()).isEqualTo("城南第二小学 五年级 周一升旗仪式");
    }

    @Test
    void readsDurationSizeAndTheMatroskaTagsOfAWebm() {
        MediaProbe.Probe webm = probe.probe(Fixtures.path("广播操-片段.webm")).orElseThrow();

        assertThat(webm.durationSeconds()).isCloseTo(2.0, within(0.1));
        assertThat(webm.width()).isEqualTo(320);
        assertThat(webm.height()).isEqualTo(180);
        assertThat(webm.tags().title()).contains("七彩阳光");
        assertThat(webm.tags().comment()).isEqualTo("城南实验小学 大课间活动");
    }

    @Test
    void anMp3HasADurationAndItsId3TagsButNoPicture() {
        MediaProbe.Probe mp3 = probe.probe(Fixtures.path("春晓-朗读.mp3")).orElseThrow();

        assertThat(mp3.durationSeconds()).isCloseTo(2.0, within(0.15));
        assertThat(mp3.hasPicture()).isFalse();
        assertThat(mp3.tags()).isEqualTo(new MediaInfo.Tags("《春晓》范读音频（一年级语文）", "城南实验小学 一年级语文组", "一年级语文 古诗朗读", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"观摩课-片段.mp4", "升旗仪式-片段.mov", "广播操-片段.webm"})
    void takesA480PixelWidePosterFromEveryVideoFormat(String video) throws IOException {
        Path file = Fixtures.path(video);
        MediaProbe.Probe found = probe.probe(file).orElseThrow();

        Path poster = probe.poster(file, found.durationSeconds(), dir.resolve("poster.jpg"))
                .orElseThrow();

        BufferedImage image = ImageIO.read(poster.toFile());
        assertThat(image.getWidth()).isEqualTo(480);
        assertThat(image.getHeight()).isEqualTo(270);
    }

    @Test
    void aFileThatIsNoMediaGivesNothing() {
        assertThat(probe.probe(Fixtures.path("静夜思-教案.docx"))).isEmpty();
    }

    static boolean ffmpegInstalled() {
        return Stream.of(System.getenv("PATH").split(":"))
                .anyMatch(dir -> java.nio.file.Files.isExecutable(Path.of(dir, "ffprobe")));
    }
}
