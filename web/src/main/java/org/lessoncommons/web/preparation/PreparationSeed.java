package org.lessoncommons.web.preparation;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.lessoncommons.ingest.Ingestion;
import org.lessoncommons.ingest.Upload;
import org.lessoncommons.storage.Account;
import org.lessoncommons.storage.Accounts;
import org.lessoncommons.storage.Alliance;
import org.lessoncommons.storage.Alliances;
import org.lessoncommons.storage.Grade;
import org.lessoncommons.storage.Material;
import org.lessoncommons.storage.Materials;
import org.lessoncommons.storage.ResourceType;
import org.lessoncommons.storage.Subject;
import org.lessoncommons.storage.preparation.PackageItems;
import org.lessoncommons.storage.preparation.PreparationGroup;
import org.lessoncommons.storage.preparation.PreparationGroups;
import org.lessoncommons.storage.preparation.PreparationPackage;
import org.lessoncommons.storage.preparation.PreparationPackages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo data for 集体备课 in the demo alliance (after {@code DemoSeed}): a cross-school 三年级数学
 * group and one package with the seeded 分数 lesson plan, a practice sheet, two saves of the plan
 * and a comment. Runs once: nothing happens when the group exists or the demo alliance does not.
 */
@Component
@Order(20)
@ConditionalOnBooleanProperty("lessoncommons.seed.enabled")
class PreparationSeed implements ApplicationRunner {

    static final String ALLIANCE = "城南教育联盟";
    static final String GROUP = "三年级数学联盟备课组";
    static final String TOPIC = "分数的初步认识";

    private static final Logger log = LoggerFactory.getLogger(PreparationSeed.class);

    private final Alliances alliances;
    private final Accounts accounts;
    private final Materials materials;
    private final PreparationGroups groups;
    private final PreparationPackages packages;
    private final PackageItems items;
    private final Ingestion ingestion;

    PreparationSeed(
            Alliances alliances,
            Accounts accounts,
            Materials materials,
            PreparationGroups groups,
            PreparationPackages packages,
            PackageItems items,
            Ingestion ingestion) {
        this.alliances = alliances;
        this.accounts = accounts;
        this.materials = materials;
        this.groups = groups;
        this.packages = packages;
        this.items = items;
        this.ingestion = ingestion;
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<Alliance> alliance = alliances.findByName(ALLIANCE);
        Optional<Account> lead = accounts.findByUsername("teacher2");
        Optional<Account> member = accounts.findByUsername("teacher1");
        if (alliance.isEmpty() || lead.isEmpty() || member.isEmpty()) {
            return;
        }
        if (groups.inAlliance(alliance.get().id()).stream()
                .anyMatch(g -> g.name().equals(GROUP))) {
            return;
        }
        PreparationGroup group = groups.create(PreparationGroup.of(
                alliance.get().id(),
                GROUP,
                Subject.MATH,
                Grade.GRADE_3,
                lead.get().id()));
        groups.addMember(group.id(), member.get().id(), false);
        PreparationPackage p = packages.create(PreparationPackage.of(
                group.id(),
                TOPIC,
                Subject.MATH,
                Grade.GRADE_3,
                "人教版",
                "三年级上册 第八单元",
                lead.get().id()));
        List<Material> lessonPlans = materials
                .findBySchoolIdOrderByCreatedAtDesc(lead.get().schoolId())
                .stream()
                .filter(m -> m.title().startsWith(TOPIC))
                .toList();
        lessonPlans.forEach(
                m -> items.add(p.id(), m.id(), "主备人初稿：第一课时", lead.get().id()));
        Material practice = ingestion.accept(new Upload(
                "分数的初步认识-课堂练习.txt",
                new ByteArrayInputStream(PRACTICE.getBytes(StandardCharsets.UTF_8)),
                member.get().schoolId(),
                member.get().id(),
                "分数的初步认识 课堂练习",
                "集体备课 · " + TOPIC + " · 人教版 · 三年级上册 第八单元",
                Subject.MATH,
                Grade.GRADE_3,
                ResourceType.STUDY_GUIDE));
        items.add(p.id(), practice.id(), "二次备课：城南实验小学补充的分层练习", member.get().id());
        packages.savePlan(p.id(), PLAN_DRAFT, 0, lead.get().id());
        packages.savePlan(p.id(), PLAN_DRAFT + PLAN_REVISION, 1, member.get().id());
        packages.comment(p.id(), member.get().id(), "建议导入环节用分月饼的情境，折纸活动留足时间。");
        log.info("Seeded the preparation group {} with the package {}", GROUP, TOPIC);
    }

    private static final String PLAN_DRAFT = """
            一、教学目标
            1. 结合分月饼、折纸等活动，初步认识几分之一，会读、写几分之一。
            2. 会比较几分之一的大小。
            二、教学重难点
            理解“平均分”是认识分数的前提。
            三、教学过程
            1. 情境导入：中秋节分月饼。
            2. 动手操作：折一折、涂一涂，表示出一张纸的二分之一、四分之一。
            3. 比较大小：二分之一和四分之一哪个大？
            """;

    private static final String PLAN_REVISION = """
            4. 分层练习（二次备课补充）：基础题、提高题、拓展题各两道。
            四、板书设计
            """;

    private static final String PRACTICE = """
            分数的初步认识 课堂练习
            基础题：1. 把一张圆形纸平均分成 4 份，每份是它的几分之一？
            提高题：2. 比较大小：二分之一 ○ 三分之一。
            拓展题：3. 用一张长方形纸折出它的八分之一，并涂上颜色。
            """;
}
