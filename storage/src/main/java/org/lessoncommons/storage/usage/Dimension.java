package org.lessoncommons.storage.usage;

/** What usage is grouped by; each names the SQL for an event row and for a material row. */
public enum Dimension {
    SCHOOL("CAST(e.actor_school_id AS text)", "CAST(m.school_id AS text)"),
    SUBJECT("e.subject", "m.subject"),
    GRADE("e.grade", "m.grade"),
    MONTH("to_char(e.at AT TIME ZONE :zone, 'YYYY-MM')", "to_char(m.created_at AT TIME ZONE :zone, 'YYYY-MM')");

    final String eventKey;
    final String materialKey;

    Dimension(String eventKey, String materialKey) {
        this.eventKey = eventKey;
        this.materialKey = materialKey;
    }
}
