package org.lessoncommons.bench.solr;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Writes a made-up corpus.tsv and queries.txt in the orchestrator's format, for the test and for a
 * trial run by hand: {@code java -cp target/test-classes:target/classes:$(cat target/classpath.txt)
 * org.lessoncommons.bench.solr.TestCorpus DIR 20000}. The {@value #KNOWN} known materials come first;
 * the generated ones belong to school-1 … school-8 (school-8 in alliance-2, the rest in alliance-1),
 * school-1's shared with the school or private, the others' with the alliance.
 */
final class TestCorpus {

    /** The viewer of the test: a member of school-1 in alliance-1. */
    static final Viewer VIEWER = new Viewer("account-1", "school-1", "alliance-1");

    /** 静夜思 in its title, shared with the alliance: visible. */
    static final String POEM = "known-poem";

    /** 鲸鱼观察 in its title, shared with the alliance: visible. */
    static final String WHALES = "known-whales";

    /** 鲸鱼观察 in its title too, but school-9 shares it only with itself: never visible to VIEWER. */
    static final String HIDDEN = "known-hidden";

    /** A third-grade Chinese lesson plan of unit two, shared with the alliance: visible. */
    static final String UNIT = "known-unit";

    static final int KNOWN = 4;

    static final List<String> QUERIES =
            List.of("三年级上册 语文 第二单元 教案", "《静夜思》课件", "分数的初步认识 同课异构", "jys", "鲸鱼观察", "小数的加法", "在学习古诗的过程中，学生要体会诗人的思乡之情。");

    private static final String[] GRADES = {"一年级", "二年级", "三年级", "四年级", "五年级", "六年级"};
    private static final String[] SUBJECTS = {"CHINESE", "MATH", "ENGLISH", "SCIENCE"};
    private static final String[] SUBJECT_WORDS = {"语文", "数学", "英语", "科学"};
    private static final String[] TYPES = {"LESSON_PLAN", "SLIDES", "EXERCISE", "VIDEO"};
    private static final String[] TYPE_WORDS = {"教案", "课件", "习题", "同课异构"};
    private static final String[] LESSONS = {
        "春晓", "咏鹅", "望庐山瀑布", "分数的初步认识", "小数的加法", "长方形的面积", "认识钟表", "找春天", "植物的生长", "乘法口诀", "坐井观天", "小蝌蚪找妈妈"
    };
    private static final String[] CHAPTERS = {"第一单元", "第二单元", "第三单元", "第四单元", "第五单元", ""};
    private static final String[] SENTENCES = {
        "本课通过朗读和讨论，引导学生理解课文的主要内容。",
        "教师出示图片，学生观察并说一说看到了什么。",
        "学生分组合作，完成练习并交流各自的想法。",
        "在学习古诗的过程中，学生要体会诗人的思想感情。",
        "通过动手操作，学生认识分数的意义和读写方法。",
        "本节课的教学重点是计算方法，难点是理解算理。",
        "布置作业：背诵课文，完成课后练习第三题。",
        "利用多媒体课件创设情境，激发学生的学习兴趣。",
        "The students read the dialogue and answer the questions.",
        "教学反思：学生参与度较高，但个别学生理解有困难。"
    };

    private TestCorpus() {}

    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args[0]));
        write(dir, Integer.parseInt(args[1]));
    }

    /** {@code generated} random materials after the three known ones. */
    static void write(Path dir, int generated) throws IOException {
        Random random = new Random(42);
        try (Writer out = Files.newBufferedWriter(dir.resolve("corpus.tsv"), StandardCharsets.UTF_8)) {
            out.write(line(
                    POEM,
                    "《静夜思》教学设计与课件",
                    "床前明月光，疑是地上霜。" + SENTENCES[3],
                    "CHINESE",
                    "GRADE_1",
                    "LESSON_PLAN",
                    "school-2",
                    "ALLIANCE",
                    "account-7",
                    "第二单元",
                    "古诗|李白",
                    12));
            out.write(line(
                    WHALES,
                    "鲸鱼观察 科学课",
                    SENTENCES[1],
                    "SCIENCE",
                    "GRADE_3",
                    "SLIDES",
                    "school-3",
                    "ALLIANCE",
                    "account-8",
                    "",
                    "",
                    3));
            out.write(line(
                    HIDDEN,
                    "鲸鱼观察 校内资料",
                    SENTENCES[1],
                    "SCIENCE",
                    "GRADE_3",
                    "SLIDES",
                    "school-9",
                    "SCHOOL",
                    "account-99",
                    "",
                    "",
                    5));
            out.write(line(
                    UNIT,
                    "三年级上册语文 秋天的雨 教案",
                    SENTENCES[0],
                    "CHINESE",
                    "GRADE_3",
                    "LESSON_PLAN",
                    "school-4",
                    "ALLIANCE",
                    "account-9",
                    "第二单元",
                    "",
                    40));
            for (int i = 0; i < generated; i++) {
                int grade = random.nextInt(GRADES.length);
                int subject = random.nextInt(SUBJECTS.length);
                int type = random.nextInt(TYPES.length);
                String title = GRADES[grade] + (random.nextBoolean() ? "上册" : "下册") + SUBJECT_WORDS[subject] + " "
                        + LESSONS[random.nextInt(LESSONS.length)] + " " + TYPE_WORDS[type];
                StringBuilder body = new StringBuilder();
                for (int s = 5 + random.nextInt(40); s > 0; s--) {
                    body.append(SENTENCES[random.nextInt(SENTENCES.length)]);
                }
                int school = 1 + random.nextInt(8);
                String sharing = school == 1 ? (random.nextBoolean() ? "SCHOOL" : "PRIVATE") : "ALLIANCE";
                out.write(line(
                        "m-" + i,
                        title,
                        body.toString(),
                        SUBJECTS[subject],
                        "GRADE_" + (grade + 1),
                        TYPES[type],
                        "school-" + school,
                        sharing,
                        "account-" + random.nextInt(50),
                        CHAPTERS[random.nextInt(CHAPTERS.length)],
                        random.nextBoolean() ? "公开课|优秀" : "",
                        random.nextInt(2000)));
            }
        }
        Files.write(dir.resolve("queries.txt"), QUERIES, StandardCharsets.UTF_8);
    }

    private static String line(
            String id,
            String title,
            String body,
            String subject,
            String grade,
            String type,
            String school,
            String sharing,
            String uploader,
            String chapter,
            String tags,
            long downloads) {
        String alliance = school.equals("school-8") ? "alliance-2" : "alliance-1";
        Instant created = Instant.parse("2023-09-01T00:00:00Z").plusSeconds(Math.abs(id.hashCode() % 60_000_000L));
        return String.join(
                        "\t",
                        id,
                        title,
                        body,
                        subject,
                        grade,
                        type,
                        school,
                        "学校" + school,
                        alliance,
                        uploader,
                        sharing,
                        subject.equals("CHINESE") ? "PEP" : "",
                        grade.equals("GRADE_1") ? "FIRST" : "",
                        chapter,
                        tags,
                        created.toString(),
                        String.valueOf(downloads))
                + "\n";
    }
}
