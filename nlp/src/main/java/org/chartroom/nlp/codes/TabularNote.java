package org.chartroom.nlp.codes;

/**
 * One instructional note of the Tabular List.
 *
 * @param code the category, subcategory or code it is written under (it applies to every code under it)
 * @param kind its XML element ({@code excludes1}, {@code useAdditionalCode}, …) or {@code seventh:X} for the
 *             meaning of 7th character X
 * @param text the note as written
 */
public record TabularNote(String code, String kind, String text) {
    public static final String EXCLUDES1 = "excludes1";
    public static final String EXCLUDES2 = "excludes2";
    public static final String CODE_FIRST = "codeFirst";
    public static final String USE_ADDITIONAL_CODE = "useAdditionalCode";
    public static final String CODE_ALSO = "codeAlso";
    public static final String NOTES = "notes";
    public static final String SEVENTH = "seventh:";
}
