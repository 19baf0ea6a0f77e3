package org.lessoncommons.ingest;

import java.util.Optional;
import org.lessoncommons.storage.Grade;
import org.lessoncommons.storage.ResourceType;
import org.lessoncommons.storage.Subject;

/**
 * What {@link MetadataInference} proposes for an upload; the uploader confirms or corrects it.
 * Empty means "no evidence", never a guess.
 *
 * @param semester 上册 or 下册
 * @param edition the textbook edition, e.g. 人教版
 * @param unit the unit or lesson as written, e.g. 第二单元 or 第3课
 */
public record ProposedMetadata(
        Optional<Subject> subject,
        Optional<Grade> grade,
        Optional<String> semester,
        Optional<String> edition,
        Optional<String> unit,
        Optional<ResourceType> resourceType) {}
