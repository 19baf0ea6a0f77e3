package org.lessoncommons.web;

import org.jspecify.annotations.Nullable;
import org.lessoncommons.ingest.Corrections;
import org.lessoncommons.ingest.MetadataInference;
import org.lessoncommons.ingest.ProposedMetadata;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the upload form pre-fills from a file's name and folder; the teacher confirms it. */
@RestController
class ProposalApi {

    private final MetadataInference inference;
    private final Corrections corrections;

    ProposalApi(MetadataInference inference, Corrections corrections) {
        this.inference = inference;
        this.corrections = corrections;
    }

    record Proposal(
            @Nullable Term subject,
            @Nullable Term grade,
            @Nullable Term resourceType,
            @Nullable String semester,
            @Nullable String edition,
            @Nullable String unit,
            String title) {}

    /** Proposals for an uploaded material, from its name and (once extracted) its text. */
    @GetMapping("/api/materials/{id}/proposals")
    Proposal proposeFor(@org.springframework.web.bind.annotation.PathVariable java.util.UUID id) {
        return corrections.propose(id).map(p -> of(p, "")).orElseThrow(() -> new MaterialNotFound(id));
    }

    static Proposal of(ProposedMetadata p, String title) {
        return new Proposal(
                p.subject().map(Term::of).orElse(null),
                p.grade().map(Term::of).orElse(null),
                p.resourceType().map(Term::of).orElse(null),
                p.semester().orElse(null),
                p.edition().orElse(null),
                p.unit().orElse(null),
                title);
    }

    @GetMapping("/api/proposals")
    Proposal propose(@RequestParam String fileName, @RequestParam(defaultValue = "") String folder) {
        ProposedMetadata p = inference.infer(fileName, folder, "");
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        return of(p, dot > 0 ? name.substring(0, dot) : name);
    }
}
