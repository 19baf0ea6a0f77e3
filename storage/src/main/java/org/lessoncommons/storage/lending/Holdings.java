package org.lessoncommons.storage.lending;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Adds a school's physical items to the alliance's catalog, one title per book or equipment model. */
@Service
public class Holdings {

    private final CatalogTitles titles;
    private final Copies copies;

    Holdings(CatalogTitles titles, Copies copies) {
        this.titles = titles;
        this.copies = copies;
    }

    /** The new copy, under the existing title of that ISBN (or title and author, or name and model). */
    @Transactional
    public Copy add(Holding holding) {
        if (copies.existsByOwnerSchoolIdAndBarcode(holding.ownerSchoolId(), holding.barcode())) {
            throw new DuplicateBarcode(holding.ownerSchoolId(), holding.barcode());
        }
        CatalogTitle title = titleOf(holding);
        return copies.save(Copy.of(title, holding.ownerSchoolId(), holding.barcode()));
    }

    private CatalogTitle titleOf(Holding holding) {
        if (holding.isbn() != null) {
            return titles.findByAllianceIdAndIsbn(holding.allianceId(), holding.isbn())
                    .orElseGet(() -> titles.save(CatalogTitle.book(
                            holding.allianceId(),
                            holding.title(),
                            holding.author(),
                            holding.publisher(),
                            holding.isbn())));
        }
        return titles.findUnnumbered(
                        holding.allianceId(), holding.kind().name(), holding.title(), holding.author(), holding.model())
                .orElseGet(() -> titles.save(
                        holding.kind() == ItemKind.BOOK
                                ? CatalogTitle.book(
                                        holding.allianceId(),
                                        holding.title(),
                                        holding.author(),
                                        holding.publisher(),
                                        null)
                                : CatalogTitle.equipment(holding.allianceId(), holding.title(), holding.model())));
    }
}
