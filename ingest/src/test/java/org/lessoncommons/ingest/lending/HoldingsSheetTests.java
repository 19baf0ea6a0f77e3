package org.lessoncommons.ingest.lending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HoldingsSheetTests {

    @Test
    void readsGbkAndUtf8WithBomAlike() {
        String csv = "书名,作者,条码\n城南旧事,林海音,A-1\n";

        List<HoldingsSheet.Line> gbk = HoldingsSheet.read(csv.getBytes(Charset.forName("GBK")));
        List<HoldingsSheet.Line> utf8 = HoldingsSheet.read(("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8));

        assertThat(gbk).isEqualTo(utf8);
        assertThat(gbk.get(1).cells()).containsExactly("城南旧事", "林海音", "A-1");
        assertThat(gbk.get(1).number()).isEqualTo(2);
    }

    @Test
    void keepsQuotedCommasAndCountsBlankLinesSoRowNumbersMatchTheFile() {
        List<HoldingsSheet.Line> lines =
                HoldingsSheet.read("书名,条码\n\n\"城南旧事，插图本, 新版\",A-1\n".getBytes(StandardCharsets.UTF_8));

        assertThat(lines.get(1).blank()).isTrue();
        assertThat(lines.get(2).number()).isEqualTo(3);
        assertThat(lines.get(2).cells()).containsExactly("城南旧事，插图本, 新版", "A-1");
    }

    @Test
    void aBrokenWorkbookIsUnreadable() {
        assertThatExceptionOfType(UnreadableHoldings.class)
                .isThrownBy(() -> HoldingsSheet.read(new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0}))
                .withMessageContaining("Excel");
    }

    @Test
    void isbnsAreCheckedByTheirCheckDigit() {
        assertThat(Isbn.normalize("978-7-02-004249-4")).contains("9787020042494");
        assertThat(Isbn.normalize("7-02-004249-x")).contains("702004249X");
        assertThat(Isbn.normalize("7-02-004249-1")).isEmpty();
        assertThat(Isbn.normalize("0-306-40615-2")).contains("0306406152");
        assertThat(Isbn.normalize("9787020042495")).isEmpty();
        assertThat(Isbn.normalize("草房子")).isEmpty();
    }
}
