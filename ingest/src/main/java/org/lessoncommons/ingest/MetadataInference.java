package org.lessoncommons.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lessoncommons.storage.Grade;
import org.lessoncommons.storage.ResourceType;
import org.lessoncommons.storage.Subject;

/**
 * Proposes subject, grade, semester, textbook edition, unit and resource type from what teachers
 * already wrote: the file name first, then the folder path (e.g. {@code 数学/七上/第二章/}), then the
 * opening of the extracted text. The first source with evidence wins.
 */
public class MetadataInference {

    private static final int TEXT_PREFIX = 1500;

    private static final String NUM = "[一二三四五六七八九十百0-9０-９]+";
    private static final Pattern UNIT = Pattern.compile("第\\s*(" + NUM + ")\\s*(单元|课时|课|章|节|讲)");
    private static final Pattern SEMESTER = Pattern.compile("(上|下)(册|学期)");
    private static final Pattern SHORT_GRADE_SEMESTER = Pattern.compile("(?<![一二三四五六七八九])([一二三四五六七八九])(上|下)(?![面午课])");

    private static final Map<Pattern, Grade> GRADES = grades();
    private static final Map<String, String> EDITIONS = editions();
    private static final Map<String, Subject> SUBJECTS = subjects();
    private static final Map<String, ResourceType> TYPES = types();

    public ProposedMetadata infer(String fileName, String folderPath, String text) {
        String name = fileName.toLowerCase(Locale.ROOT);
        String folders = folderPath.replace('\\', '/');
        String opening = text.length() > TEXT_PREFIX ? text.substring(0, TEXT_PREFIX) : text;
        List<String> sources = List.of(name, folders, opening);
        return new ProposedMetadata(
                first(sources, MetadataInference::subject),
                first(List.of(name, folders), MetadataInference::grade).or(() -> longGrade(opening)),
                first(List.of(name, folders), MetadataInference::semester).or(() -> longSemester(opening)),
                first(sources, MetadataInference::edition),
                first(sources, MetadataInference::unit),
                first(List.of(name, folders), MetadataInference::type)
                        .or(() -> byExtension(name))
                        .or(() -> type(opening)));
    }

    private static <T> Optional<T> first(List<String> sources, Function<String, Optional<T>> find) {
        return sources.stream().map(find).flatMap(Optional::stream).findFirst();
    }

    static Optional<Subject> subject(String s) {
        return earliest(s, SUBJECTS);
    }

    static Optional<ResourceType> type(String s) {
        return earliest(s, TYPES);
    }

    static Optional<String> edition(String s) {
        return earliest(s, EDITIONS);
    }

    /** Also reads the short forms teachers use in names, e.g. 七上 = 七年级上册. */
    static Optional<Grade> grade(String s) {
        Optional<Grade> grade = longGrade(s);
        if (grade.isPresent()) {
            return grade;
        }
        Matcher shortForm = SHORT_GRADE_SEMESTER.matcher(s);
        if (shortForm.find()) {
            return Grade.parse(shortForm.group(1) + "年级");
        }
        return Optional.empty();
    }

    /** Running text says 看一下 too often to trust the short forms there. */
    static Optional<Grade> longGrade(String s) {
        for (var entry : GRADES.entrySet()) {
            if (entry.getKey().matcher(s).find()) {
                return Optional.of(entry.getValue());
            }
        }
        return Optional.empty();
    }

    static Optional<String> longSemester(String s) {
        Matcher m = SEMESTER.matcher(s);
        return m.find() ? Optional.of(m.group(1) + "册") : Optional.empty();
    }

    static Optional<String> semester(String s) {
        Optional<String> semester = longSemester(s);
        if (semester.isPresent()) {
            return semester;
        }
        Matcher shortForm = SHORT_GRADE_SEMESTER.matcher(s);
        return shortForm.find() ? Optional.of(shortForm.group(2) + "册") : Optional.empty();
    }

    static Optional<String> unit(String s) {
        Matcher m = UNIT.matcher(s);
        return m.find() ? Optional.of("第" + m.group(1) + m.group(2)) : Optional.empty();
    }

    private static Optional<ResourceType> byExtension(String name) {
        String ext = name.substring(name.lastIndexOf('.') + 1);
        return switch (ext) {
            case "ppt", "pptx", "odp", "key", "dps" -> Optional.of(ResourceType.COURSEWARE);
            case "mp4", "mov", "webm", "avi", "mkv", "flv", "wmv" -> Optional.of(ResourceType.VIDEO);
            case "png", "jpg", "jpeg", "gif", "mp3", "wav", "m4a" -> Optional.of(ResourceType.MEDIA);
            default -> Optional.empty();
        };
    }

    /** The keyword that appears earliest wins: "语文试卷分析（数学组参考）" is 语文. */
    private static <T> Optional<T> earliest(String s, Map<String, T> keywords) {
        int best = Integer.MAX_VALUE;
        T found = null;
        for (var entry : keywords.entrySet()) {
            int at = s.indexOf(entry.getKey());
            if (at >= 0 && at < best) {
                best = at;
                found = entry.getValue();
            }
        }
        return Optional.ofNullable(found);
    }

    private static Map<Pattern, Grade> grades() {
        // Most specific first: 高中一年级 must not read as 一年级.
        Map<Pattern, Grade> grades = new LinkedHashMap<>();
        grades.put(Pattern.compile("高一|高中一年级|必修[一1]|必修第一册"), Grade.GRADE_10);
        grades.put(Pattern.compile("高二|高中二年级"), Grade.GRADE_11);
        grades.put(Pattern.compile("高三|高中三年级|高考"), Grade.GRADE_12);
        grades.put(Pattern.compile("初一|七年级"), Grade.GRADE_7);
        grades.put(Pattern.compile("初二|八年级"), Grade.GRADE_8);
        grades.put(Pattern.compile("初三|九年级"), Grade.GRADE_9);
        String[] cn = {"一", "二", "三", "四", "五", "六", "七", "八", "九"};
        for (int i = 0; i < 9; i++) {
            Grade g = Grade.valueOf("GRADE_" + (i + 1));
            grades.put(Pattern.compile(cn[i] + "年级|(?<![0-9])" + (i + 1) + "年级"), g);
        }
        grades.put(Pattern.compile("小班"), Grade.KINDERGARTEN_JUNIOR);
        grades.put(Pattern.compile("(?<![初高])中班"), Grade.KINDERGARTEN_MIDDLE);
        grades.put(Pattern.compile("大班"), Grade.KINDERGARTEN_SENIOR);
        return grades;
    }

    private static Map<String, String> editions() {
        Map<String, String> e = new LinkedHashMap<>();
        for (String[] pair : new String[][] {
            {"人教版", "人教版"}, {"人教", "人教版"}, {"人民教育出版社", "人教版"}, {"部编版", "部编版"}, {"部编", "部编版"},
            {"统编版", "部编版"}, {"统编", "部编版"}, {"北师大版", "北师大版"}, {"北师版", "北师大版"}, {"北师大", "北师大版"},
            {"苏教版", "苏教版"}, {"外研版", "外研版"}, {"外研社", "外研版"}, {"沪教版", "沪教版"}, {"沪科版", "沪科版"},
            {"湘教版", "湘教版"}, {"粤教版", "粤教版"}, {"冀教版", "冀教版"}, {"青岛版", "青岛版"}, {"浙教版", "浙教版"},
            {"译林版", "译林版"}, {"鲁教版", "鲁教版"}, {"华师大版", "华师大版"}, {"教科版", "教科版"}, {"西师版", "西师版"}
        }) {
            e.put(pair[0], pair[1]);
        }
        return e;
    }

    private static Map<String, Subject> subjects() {
        Map<String, Subject> s = new LinkedHashMap<>();
        for (Subject subject : Subject.values()) {
            if (subject != Subject.OTHER) {
                s.put(subject.label(), subject);
            }
        }
        s.put("道法", Subject.MORALITY_AND_LAW);
        s.put("思品", Subject.MORALITY_AND_LAW);
        s.put("品德与社会", Subject.MORALITY_AND_LAW);
        s.put("政治", Subject.POLITICS);
        s.put("生物学", Subject.BIOLOGY);
        s.put("体育", Subject.PHYSICAL_EDUCATION);
        s.put("信息科技", Subject.INFORMATION_TECHNOLOGY);
        s.put("心理", Subject.MENTAL_HEALTH);
        s.put("综合实践", Subject.INTEGRATED_PRACTICE);
        s.put("english", Subject.ENGLISH);
        s.put("math", Subject.MATH);
        return s;
    }

    private static Map<String, ResourceType> types() {
        Map<String, ResourceType> t = new LinkedHashMap<>();
        t.put("导学案", ResourceType.STUDY_GUIDE);
        t.put("学案", ResourceType.STUDY_GUIDE);
        t.put("教学设计", ResourceType.LESSON_PLAN);
        t.put("教案", ResourceType.LESSON_PLAN);
        t.put("课件", ResourceType.COURSEWARE);
        t.put("ppt", ResourceType.COURSEWARE);
        t.put("试卷", ResourceType.TEST_PAPER);
        t.put("试题", ResourceType.TEST_PAPER);
        t.put("测试", ResourceType.TEST_PAPER);
        t.put("测验", ResourceType.TEST_PAPER);
        t.put("期中", ResourceType.TEST_PAPER);
        t.put("期末", ResourceType.TEST_PAPER);
        t.put("月考", ResourceType.TEST_PAPER);
        t.put("练习", ResourceType.TEST_PAPER);
        t.put("教学案例", ResourceType.CASE_STUDY);
        t.put("案例", ResourceType.CASE_STUDY);
        t.put("评课", ResourceType.LESSON_EVALUATION);
        t.put("听课记录", ResourceType.LESSON_EVALUATION);
        t.put("观课", ResourceType.LESSON_EVALUATION);
        t.put("课堂实录", ResourceType.VIDEO);
        t.put("视频", ResourceType.VIDEO);
        t.put("录像", ResourceType.VIDEO);
        t.put("素材", ResourceType.MEDIA);
        return t;
    }
}
