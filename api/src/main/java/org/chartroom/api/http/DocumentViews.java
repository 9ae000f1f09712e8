package org.chartroom.api.http;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.chartroom.core.document.DocumentMetadata;
import org.chartroom.core.document.DocumentRecord;
import org.chartroom.core.document.DocumentVersion;
import org.chartroom.core.document.IntakeRecord;
import org.chartroom.core.document.Original;
import org.chartroom.core.text.Annotation;
import org.chartroom.core.text.CodeSuggestion;
import org.chartroom.core.text.Concept;
import org.chartroom.core.text.Page;
import org.chartroom.core.text.Section;
import org.chartroom.core.text.SpokenWord;
import org.chartroom.core.text.Transcription;
import org.chartroom.ingest.format.DocumentFormats;
import org.chartroom.ingest.pipeline.Pipeline;

/** The JSON shapes of documents in the HTTP API (codes in lower case, as the intake form takes them). */
final class DocumentViews {
    private DocumentViews() {
    }

    static String locationOf(String id) {
        return "/api/documents/" + id;
    }

    /** The 202 answer to an upload. */
    record Accepted(String id, String state, String mediaType, long size, String sha256, String location) {
        static Accepted of(IntakeRecord intake) {
            Original o = intake.original();
            String id = intake.id().value();
            return new Accepted(id, "received", o.mediaType(), o.size(), o.sha256(), locationOf(id));
        }
    }

    record Metadata(String patientMrn, String patientName, String encounterId, String type, String author,
                    LocalDate serviceDate, String specialty) {
        static Metadata of(DocumentMetadata m) {
            return new Metadata(m.patientMrn(), m.patientName(), m.encounterId(), m.type().code(), m.author(),
                    m.serviceDate(), m.specialty());
        }
    }

    record VersionSummary(int number, Instant createdAt, String createdBy, String source, int characters,
                          String location) {
    }

    record PageView(int n, boolean ocr, Double confidence, int characters, String failure) {
        static PageView of(Page p) {
            return new PageView(p.n(), p.ocr(), p.confidence(), p.text().length(), p.failure());
        }
    }

    /**
     * How far the pipeline has got with a document it is working on: pages recognised of a scan, or seconds
     * recognised of a dictation ({@code total} null when the file does not declare its length).
     */
    record Progress(int done, Integer total, String unit) {
        static Progress of(DocumentRecord r, Pipeline.PageCount count) {
            if (count == null) {
                return null;
            }
            String unit = isAudio(r.original()) ? "seconds" : "pages";
            return new Progress(count.done(), count.total() > 0 ? count.total() : null, unit);
        }
    }

    static boolean isAudio(Original original) {
        return DocumentFormats.baseType(original.mediaType()).startsWith("audio/");
    }

    /**
     * A document with its latest text, sections, concepts (with their assertions), ICD-10-CM code suggestions (with
     * evidence, axes, conflicts and notes) and the list of its versions; progress while it is processed; its
     * signatures (each checked against the text it signed), addenda and the coders' review that stands.
     */
    record Document(String id, String state, String failureReason, Metadata metadata, Original original,
                    Integer version, String text, List<Section> sections, int sentences, List<PageView> pages,
                    List<Concept> concepts, List<CodeSuggestion> codes, List<VersionSummary> versions,
                    Progress progress, List<SigningViews.SignatureView> signatures,
                    SigningViews.SignatureCheck signatureCheck, List<SigningViews.AddendumView> addenda,
                    String review, CodeReviewViews.Review codeReview) {
        static Document of(DocumentRecord r, Pipeline.PageCount progress) {
            String id = r.id().value();
            List<VersionSummary> versions = r.versions().stream()
                    .map(v -> new VersionSummary(v.number(), v.createdAt(), v.createdBy(), v.source(),
                            v.text().length(), locationOf(id) + "/versions/" + v.number()))
                    .toList();
            DocumentVersion latest = r.latest().orElse(null);
            Annotation a = latest == null ? Annotation.EMPTY : latest.annotation();
            return new Document(id, r.state().code(), r.failureReason(), Metadata.of(r.metadata()), r.original(),
                    latest == null ? null : latest.number(), latest == null ? "" : latest.text(), a.sections(),
                    a.sentences().size(), latest == null ? List.of() : latest.pages().stream().map(PageView::of).toList(),
                    a.concepts(), a.codes(), versions, Progress.of(r, progress), SigningViews.signatures(r),
                    SigningViews.SignatureCheck.of(r), SigningViews.addenda(r), CodeReviewViews.status(r),
                    CodeReviewViews.Review.of(r));
        }
    }

    /** What the recogniser heard, for the player: words with timings and confidences, and its raw output. */
    record Heard(int version, String engine, double seconds, String raw, List<SpokenWord> words) {
    }

    /**
     * The latest version for correcting, with its ETag (send it back in {@code If-Match}) and, for a dictation, the
     * audio's location and the transcription of the machine version it started from.
     */
    record Draft(String id, String state, int version, String etag, Instant createdAt, String createdBy,
                 String source, String text, List<Section> sections, String audio, Heard transcription) {
        static Draft of(DocumentRecord r, DocumentVersion latest) {
            String id = r.id().value();
            Heard heard = null;
            for (DocumentVersion v : r.versions()) {
                Transcription t = v.transcription();
                if (t != null) {
                    heard = new Heard(v.number(), t.engine(), t.seconds(), t.raw(), t.words());
                }
            }
            Annotation a = latest.annotation() == null ? Annotation.EMPTY : latest.annotation();
            return new Draft(id, r.state().code(), latest.number(), VersionTag.of(latest.number()),
                    latest.createdAt(), latest.createdBy(), latest.source(), latest.text(), a.sections(),
                    isAudio(r.original()) ? locationOf(id) + "/audio" : null, heard);
        }
    }

    /** One version in full. */
    record Version(String id, int number, Instant createdAt, String createdBy, String source, String text,
                   List<Page> pages, Annotation annotation) {
        static Version of(DocumentRecord r, DocumentVersion v) {
            return new Version(r.id().value(), v.number(), v.createdAt(), v.createdBy(), v.source(), v.text(),
                    v.pages(), v.annotation());
        }
    }
}
