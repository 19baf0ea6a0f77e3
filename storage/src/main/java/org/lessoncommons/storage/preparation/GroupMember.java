package org.lessoncommons.storage.preparation;

import java.util.UUID;

/** A member of a preparation group, with the school they teach at; the lead (组长) manages members. */
public record GroupMember(UUID accountId, String displayName, UUID schoolId, String schoolName, boolean lead) {}
