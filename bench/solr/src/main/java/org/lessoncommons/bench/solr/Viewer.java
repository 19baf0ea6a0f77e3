package org.lessoncommons.bench.solr;

import org.apache.solr.client.solrj.util.ClientUtils;

/** The searching teacher: a plain member, as the app's Audience.member(account, school, alliance). */
record Viewer(String accountId, String schoolId, String allianceId) {

    /** Audience.filter() for a member: own uploads, the alliance's shared materials, the school's own. */
    String filter() {
        return "uploaderId:" + exact(accountId)
                + " OR (+sharing:ALLIANCE +allianceId:" + exact(allianceId) + ")"
                + " OR (+sharing:SCHOOL +schoolId:" + exact(schoolId) + ")";
    }

    private static String exact(String value) {
        return ClientUtils.escapeQueryChars(value);
    }
}
