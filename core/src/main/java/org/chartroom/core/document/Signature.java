package org.chartroom.core.document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import org.chartroom.core.error.InvalidInputException;

/**
 * The author's electronic signature of one version of a document: who, when, what they attested, and the SHA-256 of
 * the exact text they signed, so that any later change to that text shows. Kept in the document's record beside its
 * versions; a signed text is never changed again (an addendum is a new version, signed in its own right).
 *
 * @param version     the version signed
 * @param signedBy    the signer's user id
 * @param signerName  the signer's display name when they signed
 * @param signedAt    when
 * @param textSha256  lower-case hex SHA-256 of the signed version's text (UTF-8)
 * @param attestation the statement the signer made, e.g. "I have reviewed this report and it is accurate"
 */
public record Signature(int version, String signedBy, String signerName, Instant signedAt, String textSha256,
                        String attestation) {
    /** The longest attestation statement accepted. */
    public static final int MAX_ATTESTATION = 1000;

    // Lenient on purpose: stored records are read through here, and a stricter rule must not make old ones unreadable.
    public Signature {
        Objects.requireNonNull(signedAt, "signedAt");
        signedBy = Objects.requireNonNullElse(signedBy, "");
        signerName = Objects.requireNonNullElse(signerName, "");
        textSha256 = Objects.requireNonNullElse(textSha256, "");
        attestation = Objects.requireNonNullElse(attestation, "");
    }

    /**
     * The signature of {@code version} by a person, the attestation checked.
     *
     * @throws InvalidInputException when the attestation is missing, longer than {@value #MAX_ATTESTATION}
     *                               characters or holds control characters
     */
    public static Signature of(DocumentVersion version, String signedBy, String signerName, Instant signedAt,
                               String attestation) {
        return new Signature(version.number(), signedBy, signerName, signedAt, digest(version.text()),
                checkedAttestation(attestation));
    }

    /**
     * The attestation of a new signature, trimmed.
     *
     * @throws InvalidInputException when it is missing, longer than {@value #MAX_ATTESTATION} characters or not one
     *                               line
     */
    public static String checkedAttestation(String attestation) {
        return Statement.required("the attestation", attestation, MAX_ATTESTATION, "{\"attestation\": \"I have "
                + "reviewed this document and attest that it is accurate and complete.\"}");
    }

    /** Whether {@code candidate} is the version this signature names, with the very text that was signed. */
    public boolean matches(DocumentVersion candidate) {
        return candidate.number() == version && digest(candidate.text()).equals(textSha256);
    }

    /** Lower-case hex SHA-256 of the text's UTF-8 bytes. */
    public static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
