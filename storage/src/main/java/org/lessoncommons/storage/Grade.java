package org.lessoncommons.storage;

import java.util.Optional;

/** 年级, from kindergarten to the last year of senior high school, each in its 学段. */
public enum Grade {
    KINDERGARTEN_JUNIOR("幼儿园小班", "Kindergarten (junior)", Stage.PRESCHOOL),
    KINDERGARTEN_MIDDLE("幼儿园中班", "Kindergarten (middle)", Stage.PRESCHOOL),
    KINDERGARTEN_SENIOR("幼儿园大班", "Kindergarten (senior)", Stage.PRESCHOOL),
    GRADE_1("一年级", "Grade 1", Stage.PRIMARY),
    GRADE_2("二年级", "Grade 2", Stage.PRIMARY),
    GRADE_3("三年级", "Grade 3", Stage.PRIMARY),
    GRADE_4("四年级", "Grade 4", Stage.PRIMARY),
    GRADE_5("五年级", "Grade 5", Stage.PRIMARY),
    GRADE_6("六年级", "Grade 6", Stage.PRIMARY),
    GRADE_7("七年级", "Grade 7", Stage.JUNIOR_HIGH),
    GRADE_8("八年级", "Grade 8", Stage.JUNIOR_HIGH),
    GRADE_9("九年级", "Grade 9", Stage.JUNIOR_HIGH),
    GRADE_10("高一", "Grade 10", Stage.SENIOR_HIGH),
    GRADE_11("高二", "Grade 11", Stage.SENIOR_HIGH),
    GRADE_12("高三", "Grade 12", Stage.SENIOR_HIGH);

    /** 学段. */
    public enum Stage {
        PRESCHOOL("学前"),
        PRIMARY("小学"),
        JUNIOR_HIGH("初中"),
        SENIOR_HIGH("高中");

        private final String label;

        Stage(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final String label;
    private final String englishLabel;
    private final Stage stage;

    Grade(String label, String englishLabel, Stage stage) {
        this.label = label;
        this.englishLabel = englishLabel;
        this.stage = stage;
    }

    public String label() {
        return label;
    }

    public String englishLabel() {
        return englishLabel;
    }

    public Stage stage() {
        return stage;
    }

    /** Accepts the code ({@code GRADE_3}) or the Chinese label ({@code 三年级}). */
    public static Optional<Grade> parse(String text) {
        return Vocabulary.parse(Grade.class, text, Grade::label);
    }
}
