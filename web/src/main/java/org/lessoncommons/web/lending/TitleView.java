package org.lessoncommons.web.lending;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.storage.lending.CatalogTitle;
import org.lessoncommons.storage.lending.CopyLine;
import org.lessoncommons.web.lending.LoanView.SchoolRef;

/**
 * A title with its copies and their state. Who has a copy is shown only to the desk that handles
 * it ({@code loanId}); everyone sees whether it is free and until when it is out.
 *
 * @param waiting how many holds are queued for the title
 */
record TitleView(
        UUID id,
        String kind,
        String title,
        String author,
        String publisher,
        @Nullable String isbn,
        String model,
        int available,
        int waiting,
        List<CopyView> copies) {

    /**
     * @param state {@code AVAILABLE}, or the state of the loan that holds the copy
     * @param desk whether the viewer's desk handles this copy
     */
    record CopyView(
            UUID id,
            String barcode,
            SchoolRef owner,
            SchoolRef shelf,
            String state,
            @Nullable LocalDate dueOn,
            @Nullable UUID loanId,
            boolean desk,
            boolean mine) {}

    static TitleView of(CatalogTitle title, List<CopyView> copies, int waiting) {
        return new TitleView(
                title.id(),
                title.kind().name(),
                title.title(),
                title.author(),
                title.publisher(),
                title.isbn(),
                title.model(),
                (int) copies.stream().filter(c -> c.state().equals("AVAILABLE")).count(),
                waiting,
                copies);
    }

    static CopyView copy(CopyLine line, boolean desk, UUID viewerId) {
        return new CopyView(
                line.copyId(),
                line.barcode(),
                new SchoolRef(line.ownerSchoolId(), line.ownerSchoolName()),
                new SchoolRef(line.shelfSchoolId(), line.shelfSchoolName()),
                line.available() ? "AVAILABLE" : line.loanState().name(),
                line.dueOn(),
                desk ? line.loanId() : null,
                desk,
                viewerId.equals(line.borrowerId()));
    }
}
