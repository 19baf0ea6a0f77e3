package org.lessoncommons.storage;

import java.util.Optional;

/** 资源类型: what kind of teaching resource a material is. */
public enum ResourceType {
    LESSON_PLAN("教案", "Lesson plan"),
    COURSEWARE("课件", "Courseware"),
    STUDY_GUIDE("学案", "Study guide"),
    TEST_PAPER("试卷", "Test paper"),
    VIDEO("视频", "Video"),
    CASE_STUDY("教学案例", "Teaching case"),
    LESSON_EVALUATION("评课记录", "Lesson evaluation"),
    MEDIA("素材", "Media"),
    OTHER("其他", "Other");

    private final String label;
    private final String englishLabel;

    ResourceType(String label, String englishLabel) {
        this.label = label;
        this.englishLabel = englishLabel;
    }

    public String label() {
        return label;
    }

    public String englishLabel() {
        return englishLabel;
    }

    /** Accepts the code ({@code COURSEWARE}) or the Chinese label ({@code 课件}). */
    public static Optional<ResourceType> parse(String text) {
        return Vocabulary.parse(ResourceType.class, text, ResourceType::label);
    }
}
