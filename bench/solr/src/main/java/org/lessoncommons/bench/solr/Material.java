package org.lessoncommons.bench.solr;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.apache.solr.common.SolrInputDocument;

/** One line of corpus.tsv, as the app's MaterialDocument would index it. */
record Material(
        String id,
        String title,
        String body,
        String subject,
        String grade,
        String resourceType,
        String schoolId,
        String schoolName,
        String allianceId,
        String uploaderId,
        String sharing,
        String edition,
        String semester,
        String chapter,
        List<String> tags,
        Instant createdAt,
        long downloads) {

    static final int COLUMNS = 17;

    /** MaterialDocument.CHINA: the year facet counts school-calendar years in China. */
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    static Material parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != COLUMNS) {
            throw new IllegalArgumentException("Expected " + COLUMNS + " columns, got " + f.length + ": " + line);
        }
        List<String> tags = f[14].isEmpty()
                ? List.of()
                : Arrays.stream(f[14].split("\\|")).filter(t -> !t.isBlank()).toList();
        return new Material(
                f[0],
                f[1],
                f[2],
                f[3],
                f[4],
                f[5],
                f[6],
                f[7],
                f[8],
                f[9],
                f[10],
                f[11],
                f[12],
                f[13],
                tags,
                Instant.parse(f[15]),
                Long.parseLong(f[16]));
    }

    /** Empty values are left out, as the app leaves out nulls: such a material matches no filter on them. */
    SolrInputDocument toSolr() {
        SolrInputDocument doc = new SolrInputDocument();
        doc.addField("id", id);
        doc.addField("title", title);
        String tagText = tagText();
        if (!tagText.isEmpty()) {
            doc.addField("tags", tagText);
        }
        doc.addField("body", body);
        optional(doc, "subject", subject);
        optional(doc, "grade", grade);
        optional(doc, "resourceType", resourceType);
        optional(doc, "schoolId", schoolId);
        optional(doc, "edition", edition);
        optional(doc, "semester", semester);
        doc.addField("year", String.valueOf(createdAt.atZone(CHINA).getYear()));
        optional(doc, "schoolName", schoolName);
        doc.addField("allianceId", allianceId);
        doc.addField("sharing", sharing);
        optional(doc, "uploaderId", uploaderId);
        doc.addField("createdAt", Date.from(createdAt));
        doc.addField("downloads", downloads);
        return doc;
    }

    /** MaterialDocument.tags: the chapter, then the tags, joined by a full-width comma. */
    private String tagText() {
        List<String> parts = new ArrayList<>();
        if (!chapter.isBlank()) {
            parts.add(chapter);
        }
        parts.addAll(tags);
        return String.join("，", parts);
    }

    private static void optional(SolrInputDocument doc, String field, String value) {
        if (!value.isEmpty()) {
            doc.addField(field, value);
        }
    }
}
