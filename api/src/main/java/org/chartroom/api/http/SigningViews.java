package org.chartroom.api.http;

import java.time.Instant;
import java.util.List;
import org.chartroom.core.document.Addendum;
import org.chartroom.core.document.DocumentRecord;
import org.chartroom.core.document.DocumentVersion;
import org.chartroom.core.document.Signature;

/** The JSON shapes of signatures and addenda: with a document, and as the answer to signing or adding. */
final class SigningViews {
    private SigningViews() {
    }

    /**
     * A signature, with the check that the stored text of the version it names still hashes to what was signed.
     *
     * @param textMatches false only if the signed text was altered after signing (it never is through Chartroom)
     */
    record SignatureView(int version, String signedBy, String signerName, Instant signedAt, String sha256,
                         String attestation, boolean textMatches) {
        static SignatureView of(DocumentRecord r, Signature s) {
            boolean matches = r.version(s.version()).map(s::matches).orElse(false);
            return new SignatureView(s.version(), s.signedBy(), s.signerName(), s.signedAt(), s.textSha256(),
                    s.attestation(), matches);
        }
    }

    /** An addendum: who, when, why, where its block starts in its version's text, and that version. */
    record AddendumView(int version, String author, String authorName, Instant writtenAt, String reason, int start,
                        String location) {
        static AddendumView of(DocumentRecord r, Addendum a) {
            return new AddendumView(a.version(), a.author(), a.authorName(), a.writtenAt(), a.reason(), a.start(),
                    DocumentViews.locationOf(r.id().value()) + "/versions/" + a.version());
        }
    }

    /**
     * Whether the latest version is signed, and its text still the text signed.
     *
     * @param textMatches null while the version is unsigned
     */
    record SignatureCheck(int version, boolean signed, Boolean textMatches) {
        static SignatureCheck of(DocumentRecord r) {
            return r.latest().map(latest -> new SignatureCheck(latest.number(),
                    r.signatureOf(latest.number()).isPresent(),
                    r.signatureOf(latest.number()).map(s -> s.matches(latest)).orElse(null))).orElse(null);
        }
    }

    static List<SignatureView> signatures(DocumentRecord r) {
        return r.signatures().stream().map(s -> SignatureView.of(r, s)).toList();
    }

    static List<AddendumView> addenda(DocumentRecord r) {
        return r.addenda().stream().map(a -> AddendumView.of(r, a)).toList();
    }

    /**
     * The answer to signing or adding an addendum: the version signed (send its ETag with the next change), its
     * signature and, for an addendum, the addendum.
     */
    record Signed(String id, String state, int version, String etag, String text, SignatureView signature,
                  AddendumView addendum) {
        static Signed of(DocumentRecord r) {
            DocumentVersion latest = r.latest().orElseThrow();
            return new Signed(r.id().value(), r.state().code(), latest.number(), VersionTag.of(latest.number()),
                    latest.text(), r.signatureOf(latest.number()).map(s -> SignatureView.of(r, s)).orElse(null),
                    r.addendumOf(latest.number()).map(a -> AddendumView.of(r, a)).orElse(null));
        }
    }
}
