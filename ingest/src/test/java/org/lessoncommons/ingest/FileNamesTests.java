package org.lessoncommons.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTests {

    @Test
    void keepsOnlyTheLastPathSegment() {
        assertThat(FileNames.clean("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.clean("C:\\Users\\王老师\\静夜思 教案.docx")).isEqualTo("静夜思 教案.docx");
    }

    @Test
    void dropsControlAndBidiCharacters() {
        assertThat(FileNames.clean("a\r\nSet-Cookie: x.pdf")).isEqualTo("aSet-Cookie: x.pdf");
        assertThat(FileNames.clean("试卷\u202Efdp.exe")).isEqualTo("试卷fdp.exe");
    }

    @Test
    void dropsC1ControlsZeroWidthAndLineSeparators() {
        assertThat(FileNames.clean("报告\u0085\u200B\u2028\u2029\uFEFF.txt")).isEqualTo("报告.txt");
    }

    @Test
    void neverCutsASurrogatePairInHalf() {
        String cleaned = FileNames.clean("a" + "😀".repeat(200) + ".txt");

        assertThat(cleaned).endsWith(".txt").hasSizeLessThanOrEqualTo(255);
        assertThat(Character.isHighSurrogate(cleaned.charAt(cleaned.length() - 5)))
                .isFalse();
    }

    @Test
    void namesAnEmptyName() {
        assertThat(FileNames.clean("")).isEqualTo("未命名文件");
        assertThat(FileNames.clean("..")).isEqualTo("未命名文件");
        assertThat(FileNames.clean(null)).isEqualTo("未命名文件");
    }

    @Test
    void shortensLongNamesButKeepsTheExtension() {
        String cleaned = FileNames.clean("长".repeat(400) + ".docx");

        assertThat(cleaned).hasSize(255).endsWith(".docx");
    }

    @Test
    void titleDefaultsToTheNameWithoutExtension() {
        assertThat(FileNames.withoutExtension("静夜思-教案.docx")).isEqualTo("静夜思-教案");
        assertThat(FileNames.withoutExtension(".bashrc")).isEqualTo(".bashrc");
    }
}
