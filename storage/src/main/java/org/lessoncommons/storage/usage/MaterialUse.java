package org.lessoncommons.storage.usage;

import java.util.UUID;

/** How often a material was viewed and downloaded in a period. */
public record MaterialUse(UUID materialId, String title, UUID schoolId, String schoolName, long views, long downloads) {

    public long total() {
        return views + downloads;
    }
}
