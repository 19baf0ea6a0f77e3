package org.lessoncommons.storage.lending;

import java.util.UUID;

/** Only a hold still in the queue can be cancelled; an offered one is cancelled through its loan. */
public class HoldNotWaiting extends RuntimeException {

    public HoldNotWaiting(UUID holdId, HoldState state) {
        super("Hold " + holdId + " is " + state + ", not waiting");
    }
}
