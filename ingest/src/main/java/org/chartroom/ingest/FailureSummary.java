package org.chartroom.ingest;

import java.util.HashSet;
import java.util.Set;

/**
 * Describes a failure for the log without its messages. Exception messages from parsers and I/O libraries can quote
 * document content or file names, so the log gets the exception types of the cause chain and where the first one was
 * thrown, which is usually enough to find the problem and never PHI.
 */
public final class FailureSummary {
    private static final int MAX_CAUSES = 6;

    private FailureSummary() {
    }

    /** E.g. {@code "TikaException at PDFParser.parse(PDFParser.java:123) <- IOException <- EOFException"}. */
    public static String of(Throwable failure) {
        StringBuilder out = new StringBuilder(failure.getClass().getSimpleName());
        StackTraceElement[] frames = failure.getStackTrace();
        if (frames.length > 0) {
            StackTraceElement top = frames[0];
            String className = top.getClassName();
            out.append(" at ").append(className.substring(className.lastIndexOf('.') + 1))
                    .append('.').append(top.getMethodName())
                    .append('(').append(top.getFileName()).append(':').append(top.getLineNumber()).append(')');
        }
        Set<Throwable> seen = new HashSet<>();
        seen.add(failure);
        Throwable cause = failure.getCause();
        for (int i = 0; cause != null && i < MAX_CAUSES && seen.add(cause); i++) {
            out.append(" <- ").append(cause.getClass().getSimpleName());
            cause = cause.getCause();
        }
        return out.toString();
    }
}
