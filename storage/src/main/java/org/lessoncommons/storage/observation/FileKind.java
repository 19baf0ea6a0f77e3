package org.lessoncommons.storage.observation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.lessoncommons.storage.ResourceType;

/** What a file uploaded from a session is, and the resource type its material gets. */
public enum FileKind {
    VIDEO("课堂视频", "Lesson video", ResourceType.VIDEO),
    PLAN("教案", "Lesson plan", ResourceType.LESSON_PLAN),
    COURSEWARE("课件", "Courseware", ResourceType.COURSEWARE),
    PHOTO("照片", "Photo", ResourceType.MEDIA),
    EVALUATION_RECORD("评课记录", "Evaluation record", ResourceType.LESSON_EVALUATION);

    private final String label;
    private final String englishLabel;
    private final ResourceType resourceType;

    FileKind(String label, String englishLabel, ResourceType resourceType) {
        this.label = label;
        this.englishLabel = englishLabel;
        this.resourceType = resourceType;
    }

    public String label() {
        return label;
    }

    public String englishLabel() {
        return englishLabel;
    }

    public ResourceType resourceType() {
        return resourceType;
    }

    /** Accepts the code ({@code VIDEO}) or the Chinese label ({@code 课堂视频}). */
    public static Optional<FileKind> parse(String text) {
        String wanted = text.strip();
        return Arrays.stream(values())
                .filter(kind -> kind.name().equals(wanted.toUpperCase(Locale.ROOT)) || kind.label.equals(wanted))
                .findFirst();
    }
}
