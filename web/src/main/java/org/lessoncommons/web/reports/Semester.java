package org.lessoncommons.web.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semester of the Chinese school year: 上学期 from September to January, 下学期 from February to
 * July. The school year 2026–2027 has {@code 2026-1} (Sept 2026 – Jan 2027) and {@code 2026-2} (Feb –
 * July 2027). August, the summer holiday, belongs to neither.
 */
public record Semester(int startYear, Half half) {

    private static final Pattern CODE = Pattern.compile("(\\d{4})-([12])");

    public enum Half {
        FIRST("上学期", "first semester"),
        SECOND("下学期", "second semester");

        final String label;
        final String englishLabel;

        Half(String label, String englishLabel) {
            this.label = label;
            this.englishLabel = englishLabel;
        }
    }

    public Semester {
        if (startYear < 2000 || startYear > 2200) {
            throw new IllegalArgumentException("school year out of range: " + startYear);
        }
    }

    /** {@code 2026-1} or {@code 2026-2}. */
    static Optional<Semester> parse(String code) {
        Matcher m = CODE.matcher(code.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        if (year < 2000 || year > 2200) {
            return Optional.empty();
        }
        return Optional.of(new Semester(year, m.group(2).equals("1") ? Half.FIRST : Half.SECOND));
    }

    /** The semester the day is in, or for a day of August the one that just ended. */
    static Semester of(LocalDate day) {
        int month = day.getMonthValue();
        if (month >= Month.SEPTEMBER.getValue()) {
            return new Semester(day.getYear(), Half.FIRST);
        }
        if (month == Month.JANUARY.getValue()) {
            return new Semester(day.getYear() - 1, Half.FIRST);
        }
        return new Semester(day.getYear() - 1, Half.SECOND);
    }

    /** This semester and the ones before it, newest first. */
    static List<Semester> recent(LocalDate today, int count) {
        List<Semester> semesters = new ArrayList<>();
        Semester s = of(today);
        for (int i = 0; i < count; i++) {
            semesters.add(s);
            s = s.previous();
        }
        return semesters;
    }

    Semester previous() {
        return half == Half.SECOND ? new Semester(startYear, Half.FIRST) : new Semester(startYear - 1, Half.SECOND);
    }

    public LocalDate firstDay() {
        return half == Half.FIRST ? LocalDate.of(startYear, 9, 1) : LocalDate.of(startYear + 1, 2, 1);
    }

    /** The day after the last day. */
    public LocalDate endDay() {
        return half == Half.FIRST ? LocalDate.of(startYear + 1, 2, 1) : LocalDate.of(startYear + 1, 8, 1);
    }

    public Instant from(ZoneId zone) {
        return firstDay().atStartOfDay(zone).toInstant();
    }

    public Instant to(ZoneId zone) {
        return endDay().atStartOfDay(zone).toInstant();
    }

    public String code() {
        return startYear + "-" + (half == Half.FIRST ? 1 : 2);
    }

    /** {@code 2026—2027学年上学期}, or in English {@code 2026–2027 first semester}. */
    public String label(Locale locale) {
        return locale.getLanguage().equals("en")
                ? "%d–%d %s".formatted(startYear, startYear + 1, half.englishLabel)
                : "%d—%d学年%s".formatted(startYear, startYear + 1, half.label);
    }
}
