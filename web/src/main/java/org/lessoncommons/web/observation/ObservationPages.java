package org.lessoncommons.web.observation;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.ingest.UploadTooLarge;
import org.lessoncommons.storage.Grade;
import org.lessoncommons.storage.Schools;
import org.lessoncommons.storage.Subject;
import org.lessoncommons.storage.observation.SessionKind;
import org.lessoncommons.web.accounts.Viewers;
import org.lessoncommons.web.observation.ObservationViews.Summary;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The 听课评课 pages: the calendar, one session (lessons side by side), the aggregates. */
@Controller
class ObservationPages {

    private final SessionApi sessions;
    private final EvaluationApi evaluations;
    private final Schools schools;
    private final Viewers viewers;
    private final SessionAccess access;

    ObservationPages(
            SessionApi sessions, EvaluationApi evaluations, Schools schools, Viewers viewers, SessionAccess access) {
        this.access = access;
        this.sessions = sessions;
        this.evaluations = evaluations;
        this.schools = schools;
        this.viewers = viewers;
    }

    @GetMapping("/observation")
    String calendar(@RequestParam(required = false) @Nullable UUID school, Model model) {
        List<Summary> all = sessions.list(school, null, null);
        model.addAttribute("upcoming", all.stream().filter(Summary::upcoming).toList());
        model.addAttribute(
                "past", all.stream().filter(s -> !s.upcoming()).toList().reversed());
        model.addAttribute("school", school);
        model.addAttribute(
                "schools",
                schools.findByAllianceIdOrderByMembershipAscNameAsc(
                        viewers.current().allianceId()));
        model.addAttribute("kinds", Arrays.asList(SessionKind.values()));
        model.addAttribute("subjects", Arrays.asList(Subject.values()));
        model.addAttribute("grades", Arrays.asList(Grade.values()));
        return "observation/sessions";
    }

    @PostMapping("/observation/sessions")
    String create(SessionApi.NewSession form, RedirectAttributes flash) {
        return attempt("redirect:/observation", flash, () -> {
            return "redirect:/observation/sessions/"
                    + sessions.create(form).getBody().session().id();
        });
    }

    @GetMapping("/observation/sessions/{id}")
    String session(@PathVariable UUID id, Model model) {
        model.addAttribute("detail", sessions.show(id));
        return "observation/session";
    }

    @PostMapping("/observation/sessions/{id}/change")
    String change(@PathVariable UUID id, SessionApi.Change change, RedirectAttributes flash) {
        return attempt("redirect:/observation/sessions/" + id + "#change", flash, () -> {
            sessions.change(id, change);
            return "redirect:/observation/sessions/" + id + "?changed";
        });
    }

    @PostMapping("/observation/sessions/{id}/cancel")
    String cancel(@PathVariable UUID id) {
        sessions.cancel(id);
        return "redirect:/observation?cancelled";
    }

    @PostMapping("/observation/sessions/{id}/withdraw")
    String withdraw(@PathVariable UUID id) {
        sessions.removeObserver(id, viewers.current().accountId());
        return "redirect:/observation/sessions/" + id;
    }

    @PostMapping("/observation/sessions/{id}/observers")
    String signUp(@PathVariable UUID id) {
        sessions.addObserver(id, new SessionApi.NewObserver(null));
        return "redirect:/observation/sessions/" + id;
    }

    @PostMapping("/observation/sessions/{id}/files")
    String upload(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String lessonId,
            @RequestParam(required = false) @Nullable String sharing,
            @RequestParam(required = false) @Nullable MultipartFile video,
            @RequestParam(required = false) @Nullable MultipartFile plan,
            @RequestParam(required = false) @Nullable MultipartFile courseware,
            @RequestParam(required = false) @Nullable List<MultipartFile> photos,
            @RequestParam(required = false) @Nullable List<MultipartFile> evaluationRecords,
            RedirectAttributes flash) {
        return attempt("redirect:/observation/sessions/" + id + "#upload", flash, () -> {
            sessions.upload(id, lessonId, sharing, video, plan, courseware, photos, evaluationRecords);
            return "redirect:/observation/sessions/" + id + "?uploaded";
        });
    }

    /** The rubric form sends one {@code score-<criterion id>} field per criterion. */
    @PostMapping("/observation/lessons/{lessonId}/evaluations")
    String evaluate(
            @PathVariable UUID lessonId, @RequestParam MultiValueMap<String, String> form, RedirectAttributes flash) {
        return attempt(sessionPage(lessonId), flash, () -> {
            Map<UUID, Integer> scores = new HashMap<>();
            form.forEach((key, values) -> {
                if (key.startsWith("score-") && !values.isEmpty()) {
                    scores.put(uuid(key.substring(6)), number(values.getFirst()));
                }
            });
            var detail = evaluations
                    .evaluate(lessonId, new EvaluationApi.NewEvaluation(scores, form.getFirst("comment")))
                    .getBody();
            return "redirect:/observation/sessions/" + detail.session().id() + "?evaluated#lesson-" + lessonId;
        });
    }

    @PostMapping("/observation/lessons/{lessonId}/moments")
    String pin(
            @PathVariable UUID lessonId,
            @RequestParam(required = false) @Nullable UUID videoId,
            @RequestParam(required = false) @Nullable String seconds,
            @RequestParam(required = false) @Nullable String body,
            RedirectAttributes flash) {
        return attempt(sessionPage(lessonId), flash, () -> {
            var detail = evaluations
                    .pin(lessonId, new EvaluationApi.NewMoment(videoId, seconds(seconds), body))
                    .getBody();
            return "redirect:/observation/sessions/" + detail.session().id() + "#lesson-" + lessonId;
        });
    }

    /** Runs a form's action; a field it refuses comes back as a message on the form's page. */
    private static String attempt(String page, RedirectAttributes flash, Supplier<String> action) {
        try {
            return action.get();
        } catch (InvalidInput | UploadTooLarge e) {
            flash.addFlashAttribute("error", e.getMessage());
            return page;
        }
    }

    private String sessionPage(UUID lessonId) {
        return "redirect:/observation/sessions/"
                + access.lesson(lessonId, viewers.current()).sessionId() + "#lesson-" + lessonId;
    }

    @GetMapping("/observation/stats")
    String stats(
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            Model model) {
        model.addAttribute("aggregates", evaluations.aggregates(from, to));
        model.addAttribute("counts", evaluations.counts(from, to));
        return "observation/stats";
    }

    /** Seconds, or a player's time such as 12:34 or 1:02:03. */
    static @Nullable Integer seconds(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        int total = 0;
        for (String part : text.strip().split(":")) {
            total = total * 60 + number(part);
        }
        return total;
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput("scores", "请填写数字: " + text);
        }
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("scores", "未知的评课指标: " + text);
        }
    }
}
