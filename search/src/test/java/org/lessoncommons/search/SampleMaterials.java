package org.lessoncommons.search;

import java.time.Instant;

final class SampleMaterials {

    static final String FRACTIONS_LESSON = """
            《分数的初步认识》教学设计
            教学目标：
            \t1. 结合具体情境，让学生初步认识几分之一，会读、写几分之一。
            \t2. 通过折一折、涂一涂，体会把一个物体平均分成几份，每份是它的几分之一。
            教学重点：认识几分之一的含义。
            教学过程：
            一、创设情境：中秋节，妈妈把一块月饼平均分给两个孩子，每人分得多少？
            二、探究新知：用一张正方形纸折出它的二分之一，并涂上颜色。
            三、巩固练习：比较二分之一和四分之一的大小。
            """;

    static final String QUIET_NIGHT_POEM = """
            古诗二首
            静夜思
            唐·李白
            床前明月光，疑是地上霜。
            举头望明月，低头思故乡。
            """;

    static final String PHOTOSYNTHESIS_EXAM = """
            七年级生物期中测试卷
            一、选择题（每题2分，共20分）
            1. 绿色植物进行光合作用的主要器官是（　　）
            A. 根　B. 茎　C. 叶　D. 花
            2. 光合作用的产物是有机物和氧气，原料是二氧化碳和水。判断对错。
            """;

    private SampleMaterials() {}

    static IndexedMaterial material(String id, String title, String body) {
        return material(
                id, title, body, "chinese", "g3", "lesson-plan", "school-1", Instant.parse("2025-09-01T08:00:00Z"));
    }

    static IndexedMaterial material(
            String id,
            String title,
            String body,
            String subject,
            String grade,
            String resourceType,
            String schoolId,
            Instant createdAt) {
        return new IndexedMaterial(
                id,
                title,
                body,
                subject,
                grade,
                resourceType,
                schoolId,
                "第" + schoolId + "实验小学",
                "alliance-1",
                null,
                Sharing.ALLIANCE,
                id + ".docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                createdAt);
    }
}
