package org.lessoncommons.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lessoncommons.search.IndexedMaterial;
import org.lessoncommons.search.Sharing;

/**
 * Generated teaching materials for the search benchmark, the same for every seed and size. Titles
 * follow how teachers name files (三年级上册语文第二单元《古诗三首》教学设计); bodies mix lesson-plan
 * sentences about the material's own topic with sentences of real public Chinese text (the poems,
 * prose and lesson plans of the relevance corpus), drawn with a skew so that some sentences are
 * common and most are rare, as words are in real collections. Schools are the signed-in teacher's
 * alliance's plus two of another alliance, whose materials the teacher must never see.
 */
final class LessonCorpus {

    /** A topic and where it is taught. */
    private record Topic(String name, String subject, int grade) {}

    /** A school that uploads materials. */
    record School(String id, String name, String allianceId) {}

    private static final String[] SUBJECT_LABELS = {
        "CHINESE:语文",
        "MATH:数学",
        "ENGLISH:英语",
        "PHYSICS:物理",
        "CHEMISTRY:化学",
        "BIOLOGY:生物",
        "HISTORY:历史",
        "GEOGRAPHY:地理",
        "SCIENCE:科学",
        "MORALITY_AND_LAW:道德与法治",
        "MUSIC:音乐",
        "ART:美术"
    };
    private static final String[] GRADE_LABELS = {
        "一年级", "二年级", "三年级", "四年级", "五年级", "六年级", "七年级", "八年级", "九年级", "高一", "高二", "高三"
    };
    private static final String[] TYPES = {
        "LESSON_PLAN:教案",
        "LESSON_PLAN:教学设计",
        "COURSEWARE:课件",
        "COURSEWARE:PPT",
        "STUDY_GUIDE:学案",
        "TEST_PAPER:试卷",
        "TEST_PAPER:单元测试卷",
        "CASE_STUDY:教学案例",
        "LESSON_EVALUATION:评课记录",
        "VIDEO:课堂实录",
        "MEDIA:素材"
    };
    private static final String[] EDITIONS = {"PEP:人教版", "UNIFIED:部编版", "BNU:北师大版", "JIANGSU:苏教版", "FLTRP:外研版"};
    private static final String[] UNITS = {"第一单元", "第二单元", "第三单元", "第四单元", "第五单元", "第六单元", "第七单元", "第八单元"};
    private static final String[] TAGS = {"集体备课", "同课异构", "公开课", "观摩课", "优质课", "校本教研", "分层作业", "大单元教学", "项目式学习", "双减"};

    /** Topics beyond the relevance corpus's, so that every subject and grade has several. */
    private static final String[] MORE_TOPICS = {
        "MATH:1:认识图形",
        "MATH:1:20以内的进位加法",
        "MATH:2:表内乘法",
        "MATH:2:认识时间",
        "MATH:3:万以内的加法和减法",
        "MATH:3:长方形和正方形",
        "MATH:4:大数的认识",
        "MATH:4:三角形的内角和",
        "MATH:5:多边形的面积",
        "MATH:5:因数与倍数",
        "MATH:6:百分数",
        "MATH:6:比例",
        "MATH:7:有理数",
        "MATH:7:一元一次方程",
        "MATH:8:全等三角形",
        "MATH:8:一次函数",
        "MATH:9:二次函数",
        "MATH:9:相似三角形",
        "MATH:10:集合与常用逻辑用语",
        "MATH:10:函数的概念",
        "MATH:11:空间向量",
        "MATH:11:圆锥曲线",
        "MATH:12:导数的应用",
        "MATH:12:概率与统计",
        "ENGLISH:3:Hello",
        "ENGLISH:4:My Classroom",
        "ENGLISH:5:What would you like",
        "ENGLISH:6:How do you come to school",
        "ENGLISH:7:My name is Gina",
        "ENGLISH:8:How often do you exercise",
        "ENGLISH:9:Reading for pleasure",
        "ENGLISH:10:Teenage life",
        "ENGLISH:11:Cultural heritage",
        "PHYSICS:8:声现象",
        "PHYSICS:8:光的折射",
        "PHYSICS:8:压强",
        "PHYSICS:9:内能",
        "PHYSICS:9:电功率",
        "PHYSICS:10:匀变速直线运动",
        "PHYSICS:11:电磁感应",
        "PHYSICS:12:动量守恒定律",
        "CHEMISTRY:9:空气的组成",
        "CHEMISTRY:9:质量守恒定律",
        "CHEMISTRY:9:酸和碱",
        "CHEMISTRY:10:物质的量",
        "CHEMISTRY:11:化学反应速率",
        "CHEMISTRY:12:有机化合物",
        "BIOLOGY:7:细胞是生命活动的基本单位",
        "BIOLOGY:8:人体的营养",
        "BIOLOGY:10:细胞的分子组成",
        "BIOLOGY:11:遗传的基本规律",
        "HISTORY:7:百家争鸣",
        "HISTORY:7:隋唐时期",
        "HISTORY:8:鸦片战争",
        "HISTORY:8:辛亥革命",
        "HISTORY:9:文艺复兴",
        "GEOGRAPHY:7:地球和地图",
        "GEOGRAPHY:7:天气与气候",
        "GEOGRAPHY:8:中国的河流",
        "GEOGRAPHY:10:大气的受热过程",
        "SCIENCE:1:我们周围的材料",
        "SCIENCE:2:磁铁",
        "SCIENCE:3:空气",
        "SCIENCE:4:电路",
        "SCIENCE:5:生物与环境",
        "SCIENCE:6:地球的运动",
        "MORALITY_AND_LAW:1:我是小学生啦",
        "MORALITY_AND_LAW:3:我们的社区",
        "MORALITY_AND_LAW:5:我们的国土我们的家园",
        "MORALITY_AND_LAW:7:友谊的天空",
        "MORALITY_AND_LAW:8:遵守社会规则",
        "MORALITY_AND_LAW:9:坚持宪法至上",
        "MUSIC:2:小红帽",
        "MUSIC:4:茉莉花",
        "ART:3:美丽的花",
        "ART:5:中国画",
        "CHINESE:1:小小的船",
        "CHINESE:2:曹冲称象",
        "CHINESE:3:富饶的西沙群岛",
        "CHINESE:4:观潮",
        "CHINESE:5:落花生",
        "CHINESE:6:草船借箭",
        "CHINESE:7:从百草园到三味书屋",
        "CHINESE:8:背影",
        "CHINESE:9:岳阳楼记",
        "CHINESE:10:沁园春·长沙",
        "CHINESE:11:赤壁赋",
        "CHINESE:12:祝福"
    };

    /** Lesson-plan sentences; {t} is the material's topic. */
    private static final String[] PLAN_SENTENCES = {
        "教学目标：结合具体情境，让学生理解《{t}》的核心内容。",
        "本课《{t}》的教学重点是理解基本概念，难点是灵活运用。",
        "创设情境导入《{t}》，激发学生的学习兴趣。",
        "通过小组合作探究{t}，培养学生的动手能力和思维能力。",
        "课堂练习围绕{t}设计基础题、提高题和拓展题三个层次。",
        "板书设计突出{t}的知识结构。",
        "教学反思：学习{t}时学生参与度高，个别学生还需要辅导。",
        "课前准备：《{t}》多媒体课件、学习单和实物模型。",
        "布置作业：完成与{t}相关的练习，预习下一课。",
        "听课教师评议：本节{t}课目标明确，环节清晰，学生主体地位突出。"
    };

    private static final Pattern BLOCK_TITLE = Pattern.compile("《([^》]+)》");

    private final List<Topic> topics = new ArrayList<>();
    private final List<String> sentences = new ArrayList<>();
    private final List<School> schools;
    private final String teacherId;
    private final long seed;

    /**
     * @param relevanceCorpus the relevance corpus (search/src/test/resources/relevance/corpus.txt)
     * @param schools the schools materials come from, the teacher's first
     */
    LessonCorpus(Path relevanceCorpus, List<School> schools, String teacherId, long seed) throws IOException {
        this.schools = List.copyOf(schools);
        this.teacherId = teacherId;
        this.seed = seed;
        readCorpus(relevanceCorpus);
        for (String line : MORE_TOPICS) {
            String[] parts = line.split(":", 3);
            topics.add(new Topic(parts[2], parts[0], Integer.parseInt(parts[1])));
        }
        // A fixed order, then a skewed draw: low indexes come up far more often than high ones.
        Collections.shuffle(sentences, new Random(seed));
    }

    int topicCount() {
        return topics.size();
    }

    int sentenceCount() {
        return sentences.size();
    }

    /** The n-th material: the same for the same n, seed, schools and corpus. */
    IndexedMaterial material(int n) {
        Random random = new Random(seed * 1_000_003L + n);
        Topic topic = topics.get(skewed(random, topics.size(), 0.6));
        String subject = topic.subject();
        String subjectLabel = label(SUBJECT_LABELS, subject);
        int grade = topic.grade();
        String[] type = TYPES[random.nextInt(TYPES.length)].split(":");
        String[] edition = random.nextInt(3) == 0 ? null : EDITIONS[random.nextInt(EDITIONS.length)].split(":");
        boolean first = random.nextBoolean();
        String semester = random.nextInt(4) == 0 ? null : first ? "上册" : "下册";
        String unit = random.nextInt(3) == 0 ? null : UNITS[random.nextInt(UNITS.length)];
        String gradeLabel = GRADE_LABELS[grade - 1];

        StringBuilder title = new StringBuilder();
        switch (random.nextInt(4)) {
            case 0 ->
                title.append(gradeLabel)
                        .append(semester == null ? "" : semester)
                        .append(subjectLabel)
                        .append(unit == null ? "" : unit)
                        .append('《')
                        .append(topic.name())
                        .append('》')
                        .append(type[1]);
            case 1 ->
                title.append(edition == null ? "" : edition[1])
                        .append(gradeLabel)
                        .append(subjectLabel)
                        .append(' ')
                        .append(topic.name())
                        .append(' ')
                        .append(type[1]);
            case 2 -> title.append('《').append(topic.name()).append('》').append(type[1]);
            default ->
                title.append(topic.name())
                        .append(random.nextBoolean() ? " 同课异构 " : " 第" + (1 + random.nextInt(3)) + "课时 ")
                        .append(type[1]);
        }

        StringBuilder body = new StringBuilder(title).append("。");
        int planLines = 2 + random.nextInt(3);
        for (int i = 0; i < planLines; i++) {
            body.append(PLAN_SENTENCES[random.nextInt(PLAN_SENTENCES.length)].replace("{t}", topic.name()));
        }
        int textLines = 4 + random.nextInt(6);
        for (int i = 0; i < textLines; i++) {
            body.append(sentences.get(skewed(random, sentences.size(), 0.8)));
        }

        School school = pick(random);
        int sharing = random.nextInt(20);
        List<String> tags = random.nextInt(3) == 0 ? List.of(TAGS[random.nextInt(TAGS.length)]) : List.of();
        // Two years of uploads, the newest last.
        Instant created = Instant.parse("2024-09-01T00:00:00Z").plusSeconds(63L * n + random.nextInt(60));
        return new IndexedMaterial(
                "bench-" + n,
                title.toString(),
                body.toString(),
                subject,
                "GRADE_" + grade,
                type[0],
                school.id(),
                school.name(),
                school.allianceId(),
                random.nextInt(500) == 0 ? teacherId : "uploader-" + random.nextInt(2_000),
                sharing < 16 ? Sharing.ALLIANCE : sharing < 19 ? Sharing.SCHOOL : Sharing.PRIVATE,
                "material-" + n + ".docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                created,
                edition == null ? null : edition[0],
                semester == null ? null : first ? "FIRST_TERM" : "SECOND_TERM",
                unit,
                tags,
                (long) Math.floor(Math.pow(random.nextDouble(), 4) * 2_000));
    }

    /** Writes materials 0 … n-1 as the tab-separated corpus the Solr leg reads (see bench/solr). */
    void writeTsv(Path file, int n) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                IndexedMaterial m = material(i);
                out.write(String.join(
                        "\t",
                        m.id(),
                        clean(m.title()),
                        clean(m.body()),
                        m.subject(),
                        m.grade(),
                        m.resourceType(),
                        m.schoolId(),
                        clean(m.schoolName()),
                        m.allianceId(),
                        orEmpty(m.uploaderId()),
                        m.sharing().name(),
                        orEmpty(m.edition()),
                        orEmpty(m.semester()),
                        orEmpty(m.chapter()),
                        String.join("|", m.tags()),
                        m.createdAt().toString(),
                        Long.toString(m.downloads())));
                out.write('\n');
            }
        }
    }

    private School pick(Random random) {
        // The teacher's own school a little more often than each other; another alliance a tenth.
        int r = random.nextInt(100);
        List<School> own = schools.stream()
                .filter(s -> s.allianceId().equals(schools.get(0).allianceId()))
                .toList();
        List<School> other = schools.stream().filter(s -> !own.contains(s)).toList();
        if (r < 10 && !other.isEmpty()) {
            return other.get(random.nextInt(other.size()));
        }
        if (r < 25) {
            return schools.get(0);
        }
        return own.get(random.nextInt(own.size()));
    }

    /** An index in [0, size) where index i comes up about as often as (i+1)^-exponent. */
    private static int skewed(Random random, int size, double exponent) {
        double u = random.nextDouble();
        double a = 1 - exponent;
        double max = Math.pow(size + 1, a);
        return Math.min(size - 1, (int) Math.floor(Math.pow(1 + u * (max - 1), 1 / a)) - 1);
    }

    private void readCorpus(Path file) throws IOException {
        boolean inBody = false;
        Topic header = null;
        String subject = null;
        int grade = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("=== ")) {
                inBody = false;
                header = null;
                subject = null;
                grade = 0;
            } else if (!inBody && line.startsWith("title: ")) {
                Matcher m = BLOCK_TITLE.matcher(line);
                if (m.find()) {
                    header = new Topic(m.group(1), "", 0);
                }
            } else if (!inBody && line.startsWith("subject: ")) {
                subject = line.substring(9).strip();
            } else if (!inBody && line.startsWith("grade: GRADE_")) {
                grade = Integer.parseInt(line.substring(13).strip());
            } else if (line.equals("---")) {
                inBody = true;
                if (header != null && subject != null && grade > 0) {
                    Topic topic = new Topic(header.name(), subject, grade);
                    if (topics.stream().noneMatch(t -> t.name().equals(topic.name()))) {
                        topics.add(topic);
                    }
                }
            } else if (inBody) {
                for (String sentence : line.split("(?<=[。！？；])")) {
                    String s = sentence.strip();
                    if (s.length() >= 6) {
                        sentences.add(s);
                    }
                }
            }
        }
    }

    private static String label(String[] pairs, String code) {
        for (String pair : pairs) {
            if (pair.startsWith(code + ":")) {
                return pair.substring(code.length() + 1);
            }
        }
        return "";
    }

    private static String clean(String text) {
        return text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
