package org.chartroom.nlp.section;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.chartroom.nlp.rules.RuleFile;
import org.chartroom.nlp.rules.RuleLine;
import org.chartroom.nlp.section.HeaderCandidate.Placement;

/**
 * The documented context rules that refine a header's context-free type using the note around it.
 * <ol>
 *   <li>An organ-system header ({@code exam_subsection}) inside REVIEW OF SYSTEMS is {@code ros_subsection}; inside a
 *       findings, impression, imaging, results, procedure, technique or indications section (radiology, cath and
 *       EMG reports) it is {@code findings}. The enclosing section is the last header that is not itself a
 *       subsection, or a colon-less heading line such as {@code REVIEW OF SYSTEMS,} or {@code PHYSICAL EXAMINATION,}.
 *   </li>
 *   <li>{@code RESPIRATIONS}, {@code RESPIRATION}, {@code PULSE} followed by a number are {@code vital_signs}.</li>
 *   <li>{@code P:} at a line start is the SOAP {@code plan}; inline after a sentence it is the pulse
 *       ({@code vital_signs}).</li>
 *   <li>{@code EXAM}/{@code EXAMINATION} followed by an imaging study name is the {@code procedure} (the study);
 *       otherwise {@code physical_exam}.</li>
 *   <li>{@code OPERATIONS} after a pre- or postoperative diagnosis header (an operative note) is the
 *       {@code procedure}; otherwise {@code past_surgical_history}.</li>
 *   <li>A header the vocabulary does not know, in a run of organ-system headers under REVIEW OF SYSTEMS or the
 *       physical examination, is one more organ system ({@code ORTHO:} among {@code GI:} and {@code NEUROLOGIC:});
 *       anywhere else it is {@code other}.</li>
 * </ol>
 * Immutable and thread-safe.
 */
public final class SectionContextRules {
    /** The base type of a header that the vocabulary does not know; resolved here, never returned. */
    public static final String UNKNOWN = "";
    private static final String EXAM_SUBSECTION = "exam_subsection";
    private static final String ROS_SUBSECTION = "ros_subsection";
    private static final String FINDINGS = "findings";
    private static final String VITAL_SIGNS = "vital_signs";
    private static final String PROCEDURE = "procedure";

    /** Types that are subsections: they do not change the enclosing section of the headers after them. */
    private static final Set<String> SUBSECTION_TYPES = Set.of(EXAM_SUBSECTION, ROS_SUBSECTION, VITAL_SIGNS);
    /** Enclosing sections whose organ-system subheaders are findings of a test or procedure report. */
    private static final Set<String> FINDINGS_CONTEXT = Set.of(FINDINGS, "impression", "imaging", "results",
            PROCEDURE, "procedure_description", "indications");
    private static final Set<String> COUNTED_VITALS = Set.of("RESPIRATIONS", "RESPIRATION", "PULSE");
    private static final Set<String> EXAM_HEADERS = Set.of("EXAM", "EXAMINATION");
    private static final Set<String> OPERATIVE_DIAGNOSES = Set.of("preoperative_diagnosis", "postoperative_diagnosis");

    /** An upper-case line without a colon: a heading that sets context but is not itself a (colon) header. */
    private static final Pattern COLONLESS_HEADING =
            Pattern.compile("(?:^|(?<=[,\\n\\r]))[ \\t]*([A-Z][A-Z /&'()-]{1,60}?)[ \\t]*(?=,|\\r|\\n|$)");

    /** Words of examination text (vital signs, findings, sentences), as opposed to the title of a study. */
    private static final Pattern EXAM_TEXT = Pattern.compile("\\b(is|are|was|were|has|have|reveals?|revealed"
            + "|shows?|showed|normal|unremarkable|alert|awake|oriented|well|pleasant|patient|he|she|no|not|without"
            + "|within|blood pressure|bp|pulse|temperature|temp|weight|height|respirations?|vitals?|vital signs"
            + "|general|heent|afebrile|nad|wdwn|appears?|soft|clear|tender|nontender|acuity)\\b"
            + "|\\b(bp|hr|rr|t|p|r|sao2|spo2|o2 ?sat|wt|ht)\\s*:?\\s*\\d|\\d\\s*(bpm|rpm|mmhg|c)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final int FIRST_LINE_MAX = 150;

    private final HeaderVocabulary vocabulary;
    private final Pattern imagingStudy;

    SectionContextRules(HeaderVocabulary vocabulary, List<RuleLine> imagingStudyWords) {
        this.vocabulary = vocabulary;
        String alternatives = imagingStudyWords.stream().map(line -> Pattern.quote(line.field(0)))
                .collect(Collectors.joining("|"));
        this.imagingStudy = Pattern.compile("\\b(?:" + alternatives + ")(?:s|es)?\\b",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** The rules with the standard imaging-study word list. */
    public static SectionContextRules standard(HeaderVocabulary vocabulary) {
        return new SectionContextRules(vocabulary, RuleFile.readResource("imaging-study-words.txt"));
    }

    /**
     * The final types of {@code headers} (found in {@code text}), given their context-free types.
     *
     * @param baseTypes one context-free type per header, same order; {@link #UNKNOWN} where the vocabulary has none
     * @return one final type per header, each a catalogue type
     */
    public List<String> apply(String text, List<HeaderCandidate> headers, List<String> baseTypes) {
        List<String> types = new ArrayList<>(baseTypes.size());
        boolean operativeNote = false;
        for (int k = 0; k < headers.size(); k++) {
            HeaderCandidate header = headers.get(k);
            String base = baseTypes.get(k);
            String normalized = HeaderVocabulary.normalize(header.text(text));
            String type = base;
            if (COUNTED_VITALS.contains(normalized) && isFollowedByNumber(text, header.bodyStart())) {
                type = VITAL_SIGNS;
            } else if (normalized.equals("P")) {
                type = header.placement() == Placement.LINE_START ? "plan" : VITAL_SIGNS;
            } else if (EXAM_HEADERS.contains(normalized)) {
                String nextType = k + 1 < headers.size() ? baseTypes.get(k + 1) : "";
                int limit = k + 1 < headers.size() ? headers.get(k + 1).start() : text.length();
                type = namesStudy(text, header.bodyStart(), limit, nextType) ? PROCEDURE : "physical_exam";
            } else if (normalized.equals("OPERATIONS")) {
                type = operativeNote ? PROCEDURE : "past_surgical_history";
            }
            operativeNote |= OPERATIVE_DIAGNOSES.contains(type);
            types.add(type);
        }
        applySubsectionContext(text, headers, types);
        return types;
    }

    private void applySubsectionContext(String text, List<HeaderCandidate> headers, List<String> types) {
        if (!types.contains(EXAM_SUBSECTION)) {
            types.replaceAll(type -> type.equals(UNKNOWN) ? SectionTypeCatalogue.OTHER : type);
            return;
        }
        List<ContextHeading> headings = colonlessHeadings(text, headers);
        int nextHeading = 0;
        String enclosing = null;
        for (int k = 0; k < headers.size(); k++) {
            HeaderCandidate header = headers.get(k);
            while (nextHeading < headings.size() && headings.get(nextHeading).start() < header.start()) {
                enclosing = headings.get(nextHeading).type();
                nextHeading++;
            }
            String type = types.get(k);
            if (type.equals(UNKNOWN)) {
                boolean inSystemsList = k > 0 && types.get(k - 1).equals(ROS_SUBSECTION)
                        && "review_of_systems".equals(enclosing)
                        || k > 0 && types.get(k - 1).equals(EXAM_SUBSECTION) && "physical_exam".equals(enclosing);
                if (inSystemsList) {
                    types.set(k, types.get(k - 1));
                    continue;
                }
                type = SectionTypeCatalogue.OTHER;
                types.set(k, type);
            }
            if (type.equals(EXAM_SUBSECTION) && enclosing != null) {
                if (enclosing.equals("review_of_systems")) {
                    types.set(k, ROS_SUBSECTION);
                } else if (FINDINGS_CONTEXT.contains(enclosing)) {
                    types.set(k, FINDINGS);
                }
            } else if (!SUBSECTION_TYPES.contains(type)) {
                enclosing = type;
            }
        }
    }

    /** A colon-less heading line ({@code REVIEW OF SYSTEMS,}) that opens a section for context purposes. */
    private record ContextHeading(int start, String type) {
    }

    /** Section types that a colon-less heading line may open. */
    private static final Set<String> CONTEXT_HEADING_TYPES = Set.of("review_of_systems", "physical_exam");

    /** The colon-less heading lines of the text that lie outside every header, in order. */
    private List<ContextHeading> colonlessHeadings(String text, List<HeaderCandidate> headers) {
        List<ContextHeading> out = new ArrayList<>();
        Matcher m = COLONLESS_HEADING.matcher(text);
        int h = 0;
        while (m.find()) {
            int start = m.start(1);
            while (h < headers.size() && headers.get(h).bodyStart() <= start) {
                h++;
            }
            if (h < headers.size() && headers.get(h).start() <= start) {
                continue;
            }
            vocabulary.phraseType(m.group(1)).filter(CONTEXT_HEADING_TYPES::contains)
                    .ifPresent(type -> out.add(new ContextHeading(start, type)));
        }
        return out;
    }

    private static boolean isFollowedByNumber(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == ',' || text.charAt(i) == '\t')) {
            i++;
        }
        return i < text.length() && Character.isDigit(text.charAt(i));
    }

    /**
     * Whether the text after an EXAM header names a study rather than starting a physical examination: its first
     * line names an imaging or test study, or reads as a title (no examination words); an empty first line counts
     * as a study unless an organ-system or vital-sign header follows.
     */
    private boolean namesStudy(String text, int from, int limit, String nextType) {
        String line = firstLine(text, from, limit);
        if (line.isBlank()) {
            return !SUBSECTION_TYPES.contains(nextType);
        }
        if (imagingStudy.matcher(line).find()) {
            return true;
        }
        return !EXAM_TEXT.matcher(line).find();
    }

    /** The body's first line: up to a line break, a sentence end, the next header, or a length limit. */
    private static String firstLine(String text, int from, int limit) {
        int i = from;
        int end = Math.min(limit, Math.min(text.length(), from + FIRST_LINE_MAX));
        while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == ',' || text.charAt(i) == '\t')) {
            i++;
        }
        int start = i;
        while (i < end) {
            char c = text.charAt(i);
            boolean next = i + 1 < text.length();
            if (c == '\n' || c == '\r' || c == ',' && next && text.charAt(i + 1) != ' '
                    || c == '.' && (!next || text.charAt(i + 1) == ' ' || text.charAt(i + 1) == ',')) {
                break;
            }
            i++;
        }
        return text.substring(start, i).toLowerCase(Locale.ROOT);
    }
}
