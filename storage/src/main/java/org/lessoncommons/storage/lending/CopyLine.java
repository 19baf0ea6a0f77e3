package org.lessoncommons.storage.lending;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A copy as a title's page shows it: where it is and, when someone has it, until when. */
public record CopyLine(
        UUID copyId,
        String barcode,
        UUID ownerSchoolId,
        String ownerSchoolName,
        UUID shelfSchoolId,
        String shelfSchoolName,
        @Nullable UUID loanId,
        @Nullable LoanState loanState,
        @Nullable UUID borrowerId,
        @Nullable LocalDate dueOn) {

    public boolean available() {
        return loanState == null;
    }
}
