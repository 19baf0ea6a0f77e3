package org.lessoncommons.web.observation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.storage.Account;
import org.lessoncommons.storage.Accounts;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.Schools;
import org.lessoncommons.web.accounts.Forbidden;
import org.lessoncommons.web.accounts.Viewer;
import org.springframework.stereotype.Component;

/** Reads the fields of session requests: people by username, the host school, dates, texts, terms. */
@Component
class SessionInput {

    private final Accounts accounts;
    private final Schools schools;

    SessionInput(Accounts accounts, Schools schools) {
        this.accounts = accounts;
        this.schools = schools;
    }

    /** Accounts of the viewer's alliance by username (also separated by commas or spaces in one entry). */
    List<UUID> members(String field, @Nullable List<String> usernames, Viewer viewer) {
        List<String> names = (usernames == null ? List.<String>of() : usernames)
                .stream()
                        .flatMap(n -> Arrays.stream(n.split("[,，、\\s]+")))
                        .filter(n -> !n.isBlank())
                        .distinct()
                        .toList();
        return names.stream()
                .map(name -> accounts.findByUsername(name)
                        .filter(Account::enabled)
                        .filter(a -> schools.findById(a.schoolId())
                                .map(s -> s.allianceId().equals(viewer.allianceId()))
                                .orElse(false))
                        .map(Account::id)
                        .orElseThrow(() -> new InvalidInput(field, "本联盟没有用户名为 " + name + " 的教师")))
                .toList();
    }

    UUID host(@Nullable String hostSchoolId, Viewer viewer) {
        if (hostSchoolId == null || hostSchoolId.isBlank()) {
            return viewer.schoolId();
        }
        UUID id;
        try {
            id = UUID.fromString(hostSchoolId.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("hostSchoolId", "学校编号格式不正确: " + hostSchoolId);
        }
        School school = schools.findById(id).orElseThrow(() -> new InvalidInput("hostSchoolId", "没有这所学校: " + id));
        if (!id.equals(viewer.schoolId()) && !viewer.administers(school)) {
            throw new Forbidden("只能以本校的名义发起活动");
        }
        return id;
    }

    static LocalDate date(String field, @Nullable String text, @Nullable LocalDate fallback) {
        if (text == null || text.isBlank()) {
            if (fallback == null) {
                throw new InvalidInput(field, "请填写日期");
            }
            return fallback;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "日期格式应为 2026-03-18: " + text);
        }
    }

    static String text(String field, @Nullable String value, int max, String label, boolean required) {
        String text = value == null ? "" : value.strip();
        if (required && text.isEmpty()) {
            throw new InvalidInput(field, "请填写" + label);
        }
        if (text.length() > max) {
            throw new InvalidInput(field, label + "不能超过 " + max + " 个字");
        }
        return text;
    }

    static <T> T term(String field, @Nullable String value, Function<String, Optional<T>> parse, String label) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(field, "请选择" + label);
        }
        return parse.apply(value).orElseThrow(() -> new InvalidInput(field, "未知的" + label + ": " + value));
    }
}
