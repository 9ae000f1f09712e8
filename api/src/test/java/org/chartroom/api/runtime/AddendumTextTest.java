package org.chartroom.api.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AddendumTextTest {
    private static final Instant T = Instant.parse("2026-03-15T09:00:00Z");
    private static final Signer OSLER = new Signer("osler", "Dr. Osler");

    @Test
    void theBlockFollowsTheSignedTextWithCommentsDroppedAndEveryPlaceholderFilled() {
        AddendumText layout = AddendumText.of("# a comment\n\n== ADDENDUM {version}: {authorName} ({author}), {time}"
                + " ==\nReason: {reason}\n{text}\n== END ==\n");
        String text = layout.compose("PLAN: Rest.", 2, OSLER, T, "lab result", "  Culture negative.\n\n");
        assertEquals("PLAN: Rest.\n== ADDENDUM 2: Dr. Osler (osler), 2026-03-15T09:00:00Z ==\nReason: lab result\n"
                + "Culture negative.\n== END ==\n", text);
    }

    @Test
    void placeholdersInThePeoplesWordsAreLeftAsWritten() {
        String text = AddendumText.builtIn().compose("PLAN: Rest.", 2, OSLER, T, "see {text}", "Typed {reason} here.");
        assertTrue(text.contains("Reason: see {text}\n") && text.contains("\nTyped {reason} here.\n"), text);
        assertTrue(text.startsWith("PLAN: Rest.\n\n----- ADDENDUM (version 2) -----\n"), text);
    }

    @Test
    void aTemplateWithAnUnknownPlaceholderOrWithoutTheTextIsRefused() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> AddendumText.of("{text} {mrn}"));
        assertTrue(unknown.getMessage().contains("{mrn}"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AddendumText.of("ADDENDUM by {author}"));
    }
}
