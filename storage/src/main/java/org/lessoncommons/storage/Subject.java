package org.lessoncommons.storage;

import java.util.Optional;

/** 学科: the subjects of the national curriculum for basic education. */
public enum Subject {
    CHINESE("语文", "Chinese"),
    MATH("数学", "Mathematics"),
    ENGLISH("英语", "English"),
    PHYSICS("物理", "Physics"),
    CHEMISTRY("化学", "Chemistry"),
    BIOLOGY("生物", "Biology"),
    HISTORY("历史", "History"),
    GEOGRAPHY("地理", "Geography"),
    MORALITY_AND_LAW("道德与法治", "Morality and Law"),
    POLITICS("思想政治", "Politics"),
    SCIENCE("科学", "Science"),
    INFORMATION_TECHNOLOGY("信息技术", "Information Technology"),
    MUSIC("音乐", "Music"),
    ART("美术", "Art"),
    PHYSICAL_EDUCATION("体育与健康", "Physical Education"),
    LABOR("劳动", "Labor Education"),
    MENTAL_HEALTH("心理健康", "Mental Health"),
    INTEGRATED_PRACTICE("综合实践活动", "Integrated Practice"),
    OTHER("其他", "Other");

    private final String label;
    private final String englishLabel;

    Subject(String label, String englishLabel) {
        this.label = label;
        this.englishLabel = englishLabel;
    }

    public String label() {
        return label;
    }

    public String englishLabel() {
        return englishLabel;
    }

    /** Accepts the code ({@code MATH}) or the Chinese label ({@code 数学}). */
    public static Optional<Subject> parse(String text) {
        return Vocabulary.parse(Subject.class, text, Subject::label);
    }
}
