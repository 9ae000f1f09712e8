package org.chartroom.indexer;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexOptions;

/**
 * The index schema in one place: field names, the field types that are not stock Lucene ones, and the facet
 * configuration. One Lucene document per {@link org.chartroom.core.document.DocumentId}.
 *
 * <table>
 *   <caption>Fields</caption>
 *   <tr><th>field</th><th>kind</th><th>purpose</th></tr>
 *   <tr><td>{@code id}</td><td>keyword, stored, sorted doc values</td><td>upsert key, tie-break sort</td></tr>
 *   <tr><td>{@code mrn}, {@code type}, {@code author}, {@code status}, {@code encounter}, {@code specialty}</td>
 *       <td>keyword ({@code status} stored)</td><td>exact filters</td></tr>
 *   <tr><td>{@code patient_name}</td><td>text</td><td>name search</td></tr>
 *   <tr><td>{@code service_date}</td><td>long point + numeric doc values + stored (epoch day)</td>
 *       <td>range filter, sort</td></tr>
 *   <tr><td>{@code version}</td><td>stored</td><td>latest version number</td></tr>
 *   <tr><td>{@code section}</td><td>keyword, multi-valued</td><td>section types of the latest version</td></tr>
 *   <tr><td>{@code text}</td><td>text with offsets in postings, not stored</td><td>full-text search, highlights</td></tr>
 *   <tr><td>{@code section_<type>}</td><td>text</td><td>search within one section type</td></tr>
 *   <tr><td>{@code final_code}</td><td>keyword, multi-valued</td><td>the codes of the coder's review that stands
 *       (accepted and added)</td></tr>
 *   <tr><td>{@code review}</td><td>keyword + facet</td><td>{@code unreviewed}, {@code reviewed} or
 *       {@code outdated} (reviewed for an earlier version); absent until the document is signed, and on documents
 *       last written by a build before reviews existed</td></tr>
 *   <tr><td>{@code record}</td><td>stored (JSON bytes)</td><td>the whole record, all versions</td></tr>
 * </table>
 *
 * <p>Facet dimensions {@link #FACET_DIMS} are indexed as sorted-set doc values facets.
 *
 * <p>Changing what is indexed under a name is a schema change: bump {@link #SCHEMA_VERSION} so that an index written
 * by an older build is detected at open.
 */
public final class IndexSchema {
    /** Version of this schema, written into every commit's user data under {@link #SCHEMA_VERSION_KEY}. */
    public static final String SCHEMA_VERSION = "1";
    public static final String SCHEMA_VERSION_KEY = "chartroom.schema";

    public static final String ID = "id";
    public static final String MRN = "mrn";
    public static final String TYPE = "type";
    public static final String AUTHOR = "author";
    public static final String STATUS = "status";
    public static final String ENCOUNTER = "encounter";
    public static final String SPECIALTY = "specialty";
    public static final String PATIENT_NAME = "patient_name";
    public static final String SERVICE_DATE = "service_date";
    public static final String VERSION = "version";
    public static final String SECTION = "section";
    public static final String TEXT = "text";
    public static final String RECORD = "record";
    public static final String FINAL_CODE = "final_code";
    public static final String REVIEW = "review";

    /** Prefix of the per-section-type text fields; see {@link #sectionField(String)}. */
    public static final String SECTION_PREFIX = "section_";

    /** Fields indexed as a single untokenized term: the query parser must not analyze them. */
    public static final Set<String> KEYWORD_FIELDS =
            Set.of(ID, MRN, TYPE, AUTHOR, STATUS, ENCOUNTER, SPECIALTY, SECTION, FINAL_CODE, REVIEW);

    /** Facet dimensions, in the order results list them. */
    public static final List<String> FACET_DIMS = List.of(TYPE, AUTHOR, STATUS, SECTION, REVIEW);

    /**
     * The type of {@link #TEXT}: analyzed, positions and offsets in the postings (so the unified highlighter needs
     * neither term vectors nor re-analysis), not stored (the stored record already holds the text).
     */
    static final FieldType TEXT_WITH_OFFSETS;

    static {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        TEXT_WITH_OFFSETS = type;
    }

    private IndexSchema() {
    }

    /**
     * The name of the text field holding the spans of one section type, e.g. {@code medications} →
     * {@code section_medications}. The type is lower-cased and anything but {@code [a-z0-9_]} becomes {@code _},
     * so the name can be typed in a query without escaping.
     *
     * @throws IllegalArgumentException when the type is null or blank
     */
    public static String sectionField(String sectionType) {
        if (sectionType == null || sectionType.isBlank()) {
            throw new IllegalArgumentException("section type is blank");
        }
        String lower = sectionType.strip().toLowerCase(Locale.ROOT);
        StringBuilder name = new StringBuilder(SECTION_PREFIX.length() + lower.length()).append(SECTION_PREFIX);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
            name.append(plain ? c : '_');
        }
        return name.toString();
    }

    /** A new facets configuration for this schema (FacetsConfig is mutable, so each user gets its own). */
    static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        config.setMultiValued(SECTION, true);
        return config;
    }
}
