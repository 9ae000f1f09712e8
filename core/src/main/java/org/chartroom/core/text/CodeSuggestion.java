package org.chartroom.core.text;

import java.util.List;

/**
 * A suggested ICD-10-CM code with the text that supports it and what a coder should check.
 *
 * @param code        the code with its dot (e.g. {@code I10}, {@code S72.001A})
 * @param description the official long description
 * @param score       a ranking score; higher is better, comparable only within one result list
 * @param evidence    the spans of the text that support the code
 * @param uncertain   whether every mention it comes from is uncertain ("possible pneumonia"): an outpatient coder
 *                    codes the signs and symptoms instead, an inpatient coder codes it as if established
 * @param axes        how the code's laterality, acuity, 7th character and fracture type were chosen: stated in the
 *                    text, or the default with its reason
 * @param conflicts   other suggested codes this one must not be reported with (Excludes1)
 * @param notes       tabular instructions for the code: code first, use additional code, code also, uncertainty
 */
public record CodeSuggestion(String code, String description, double score, List<TextSpan> evidence,
                             boolean uncertain, List<CodeAxis> axes, List<CodeConflict> conflicts,
                             List<CodeNote> notes) {
    public CodeSuggestion {
        evidence = List.copyOf(evidence);
        // Records stored before these lists existed read back with them absent.
        axes = axes == null ? List.of() : List.copyOf(axes);
        conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** A suggestion with its evidence only (no flags, axes, conflicts or notes). */
    public CodeSuggestion(String code, String description, double score, List<TextSpan> evidence) {
        this(code, description, score, evidence, false, List.of(), List.of(), List.of());
    }
}
