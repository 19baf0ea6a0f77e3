package org.lessoncommons.web.reports;

import org.lessoncommons.storage.Material;
import org.lessoncommons.storage.usage.UsageEvent;
import org.lessoncommons.storage.usage.UsageEvent.Kind;
import org.lessoncommons.storage.usage.UsageRecorder;
import org.lessoncommons.web.accounts.Viewer;
import org.springframework.stereotype.Component;

/**
 * What a request tells the usage reports: one call, which only queues the event (see {@link
 * UsageRecorder}), so it never slows the request or fails it.
 */
@Component
public class Usage {

    private final UsageRecorder recorder;

    Usage(UsageRecorder recorder) {
        this.recorder = recorder;
    }

    public void viewed(Viewer viewer, Material material) {
        record(Kind.VIEW, viewer, material);
    }

    public void downloaded(Viewer viewer, Material material) {
        record(Kind.DOWNLOAD, viewer, material);
    }

    public void uploaded(Viewer viewer, Material material) {
        record(Kind.UPLOAD, viewer, material);
    }

    private void record(Kind kind, Viewer viewer, Material material) {
        recorder.record(UsageEvent.of(kind, material, viewer.accountId(), viewer.schoolId()));
    }
}
