package org.lessoncommons.web.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SemesterTests {

    @Test
    void theFirstSemesterRunsFromSeptemberToTheEndOfJanuary() {
        Semester first = Semester.parse("2026-1").orElseThrow();

        assertThat(first.firstDay()).isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(first.endDay()).isEqualTo(LocalDate.of(2027, 2, 1));
        assertThat(first.label(Locale.SIMPLIFIED_CHINESE)).isEqualTo("2026—2027学年上学期");
        assertThat(first.label(Locale.ENGLISH)).isEqualTo("2026–2027 first semester");
    }

    @Test
    void theSecondSemesterRunsFromFebruaryToTheEndOfJuly() {
        Semester second = Semester.parse("2026-2").orElseThrow();

        assertThat(second.firstDay()).isEqualTo(LocalDate.of(2027, 2, 1));
        assertThat(second.endDay()).isEqualTo(LocalDate.of(2027, 8, 1));
        assertThat(second.label(Locale.SIMPLIFIED_CHINESE)).isEqualTo("2026—2027学年下学期");
    }

    @Test
    void aDayBelongsToItsSemesterAndAugustToTheOneJustEnded() {
        assertThat(Semester.of(LocalDate.of(2026, 12, 2)).code()).isEqualTo("2026-1");
        assertThat(Semester.of(LocalDate.of(2027, 1, 31)).code()).isEqualTo("2026-1");
        assertThat(Semester.of(LocalDate.of(2027, 2, 1)).code()).isEqualTo("2026-2");
        assertThat(Semester.of(LocalDate.of(2027, 7, 31)).code()).isEqualTo("2026-2");
        assertThat(Semester.of(LocalDate.of(2027, 8, 15)).code()).isEqualTo("2026-2");
        assertThat(Semester.of(LocalDate.of(2027, 9, 1)).code()).isEqualTo("2027-1");
    }

    @Test
    void boundariesAreMidnightInChina() {
        Semester first = Semester.parse("2026-1").orElseThrow();

        assertThat(first.from(ZoneId.of("Asia/Shanghai"))).hasToString("2026-08-31T16:00:00Z");
        assertThat(first.to(ZoneId.of("Asia/Shanghai"))).hasToString("2027-01-31T16:00:00Z");
    }

    @Test
    void recentSemestersGoBackwardsWithoutGaps() {
        assertThat(Semester.recent(LocalDate.of(2026, 12, 2), 4))
                .extracting(Semester::code)
                .containsExactly("2026-1", "2025-2", "2025-1", "2024-2");
    }

    @Test
    void rejectsCodesThatAreNotASemester() {
        assertThat(Semester.parse("2026-3")).isEmpty();
        assertThat(Semester.parse("26-1")).isEmpty();
        assertThat(Semester.parse("1999-1")).isEmpty();
        assertThat(Semester.parse("2026-1; DROP")).isEmpty();
    }
}
