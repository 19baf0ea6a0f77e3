package org.lessoncommons.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The relevance test set in {@code src/test/resources/relevance/}: a corpus of real public-domain
 * Chinese text and written lesson plans and exams ({@code corpus.txt}), and teacher-style queries
 * with graded judgments ({@code queries.tsv}).
 */
record RelevanceCorpus(List<IndexedMaterial> materials, List<Judged> queries) {

    /** A query and how relevant each judged material is to it (3 best; unlisted are 0). */
    record Judged(String text, Map<String, Integer> grades) {

        long relevant() {
            return grades.values().stream().filter(grade -> grade > 0).count();
        }
    }

    private static final Instant ADDED = Instant.parse("2025-09-01T08:00:00Z");

    static RelevanceCorpus load() {
        List<IndexedMaterial> materials = materials(read("corpus.txt"));
        Set<String> ids = materials.stream().map(IndexedMaterial::id).collect(Collectors.toSet());
        List<Judged> queries = queries(read("queries.tsv"));
        for (Judged query : queries) {
            for (String id : query.grades().keySet()) {
                if (!ids.contains(id)) {
                    throw new IllegalStateException("Query " + query.text() + " judges unknown material " + id);
                }
            }
        }
        return new RelevanceCorpus(materials, queries);
    }

    private static List<IndexedMaterial> materials(String text) {
        List<IndexedMaterial> materials = new ArrayList<>();
        String[] blocks = text.split("(?m)^=== ");
        for (int i = 1; i < blocks.length; i++) {
            String block = blocks[i];
            String id = block.substring(0, block.indexOf('\n')).strip();
            int separator = block.indexOf("\n---\n");
            Map<String, String> header = new LinkedHashMap<>();
            block.substring(block.indexOf('\n') + 1, separator)
                    .lines()
                    .forEach(line -> header.put(
                            line.substring(0, line.indexOf(':')).strip(),
                            line.substring(line.indexOf(':') + 1).strip()));
            String body = block.substring(separator + 5).strip();
            materials.add(new IndexedMaterial(
                            id,
                            header.get("title"),
                            body,
                            header.get("subject"),
                            header.get("grade"),
                            header.get("type"),
                            "school-1",
                            "城南实验小学",
                            "alliance-1",
                            null,
                            Sharing.ALLIANCE,
                            id + ".docx",
                            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                            ADDED)
                    .withTextbook(header.get("edition"), header.get("semester"), header.get("chapter")));
        }
        return List.copyOf(materials);
    }

    private static List<Judged> queries(String text) {
        List<Judged> queries = new ArrayList<>();
        for (String line : text.lines().toList()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t");
            Map<String, Integer> grades = new LinkedHashMap<>();
            for (String judgment : columns[1].strip().split("\\s+")) {
                String[] parts = judgment.split("=");
                grades.put(parts[0], Integer.parseInt(parts[1]));
            }
            queries.add(new Judged(columns[0].strip(), Map.copyOf(grades)));
        }
        return List.copyOf(queries);
    }

    private static String read(String name) {
        try (InputStream in = RelevanceCorpus.class.getResourceAsStream("/relevance/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource relevance/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
