package org.lessoncommons.search;

import static org.lessoncommons.search.LuceneFields.ALLIANCE_ID;
import static org.lessoncommons.search.LuceneFields.SCHOOL_ID;
import static org.lessoncommons.search.LuceneFields.SHARING;
import static org.lessoncommons.search.LuceneFields.UPLOADER_ID;

import java.util.Objects;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.jspecify.annotations.Nullable;

/**
 * Who is searching, and so which materials they may see. The same rule is applied inside the
 * Lucene query (so that hits, counts, facets, highlights and suggestions never include what the
 * viewer may not see) and, through {@link #maySee}, to a material opened by id.
 *
 * <ul>
 *   <li>Everyone sees their own uploads, what is shared with their alliance, and what their school
 *       shares with itself.
 *   <li>A school administrator also sees everything of their school, private uploads included.
 *   <li>An alliance administrator also sees what every school of the alliance shares with itself.
 *   <li>{@link #everything()} (a system administrator, or the app itself) sees everything.
 * </ul>
 */
public record Audience(String accountId, String schoolId, String allianceId, Reach reach) {

    public enum Reach {
        MEMBER,
        SCHOOL_ADMIN,
        ALLIANCE_ADMIN,
        EVERYTHING
    }

    private static final Audience EVERYTHING = new Audience("", "", "", Reach.EVERYTHING);

    public Audience {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(schoolId, "schoolId");
        Objects.requireNonNull(allianceId, "allianceId");
        Objects.requireNonNull(reach, "reach");
        if (reach != Reach.EVERYTHING && (accountId.isBlank() || schoolId.isBlank() || allianceId.isBlank())) {
            throw new IllegalArgumentException("An audience needs an account, a school and an alliance");
        }
    }

    public static Audience member(String accountId, String schoolId, String allianceId) {
        return new Audience(accountId, schoolId, allianceId, Reach.MEMBER);
    }

    public static Audience everything() {
        return EVERYTHING;
    }

    /** Whether this audience may see a material shared so, by that school, uploaded by that account. */
    public boolean maySee(
            Sharing sharing, String materialSchoolId, String materialAllianceId, @Nullable String uploaderId) {
        if (reach == Reach.EVERYTHING || accountId.equals(uploaderId)) {
            return true;
        }
        boolean ownSchool = schoolId.equals(materialSchoolId);
        boolean ownAlliance = allianceId.equals(materialAllianceId);
        return switch (sharing) {
            case ALLIANCE -> ownAlliance;
            case SCHOOL -> ownSchool || ownAlliance && reach == Reach.ALLIANCE_ADMIN;
            case PRIVATE -> ownSchool && reach == Reach.SCHOOL_ADMIN;
        };
    }

    /** The same rule as {@link #maySee}, as a Lucene filter. */
    Query filter() {
        if (reach == Reach.EVERYTHING) {
            return new MatchAllDocsQuery();
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        any.add(exact(UPLOADER_ID, accountId), Occur.SHOULD);
        any.add(both(exact(SHARING, Sharing.ALLIANCE.name()), exact(ALLIANCE_ID, allianceId)), Occur.SHOULD);
        any.add(both(exact(SHARING, Sharing.SCHOOL.name()), exact(SCHOOL_ID, schoolId)), Occur.SHOULD);
        if (reach == Reach.SCHOOL_ADMIN) {
            any.add(exact(SCHOOL_ID, schoolId), Occur.SHOULD);
        }
        if (reach == Reach.ALLIANCE_ADMIN) {
            any.add(both(exact(SHARING, Sharing.SCHOOL.name()), exact(ALLIANCE_ID, allianceId)), Occur.SHOULD);
        }
        return any.build();
    }

    private static Query exact(String field, String value) {
        return KeywordField.newExactQuery(field, value);
    }

    private static Query both(Query a, Query b) {
        return new BooleanQuery.Builder()
                .add(a, Occur.FILTER)
                .add(b, Occur.FILTER)
                .build();
    }
}
