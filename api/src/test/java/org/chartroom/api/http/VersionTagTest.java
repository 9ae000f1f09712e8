package org.chartroom.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.chartroom.core.error.InvalidInputException;
import org.chartroom.core.error.PreconditionFailedException;
import org.chartroom.core.error.PreconditionRequiredException;
import org.junit.jupiter.api.Test;

class VersionTagTest {
    @Test
    void theTagOfAVersionIsReadBack() {
        assertEquals("\"v3\"", VersionTag.of(3));
        assertEquals(3, VersionTag.required(VersionTag.of(3)));
        assertEquals(12, VersionTag.required("  \"v12\" "));
        assertEquals(OptionalInt.of(2), VersionTag.optional("\"v2\""));
        assertEquals(OptionalInt.empty(), VersionTag.optional(null));
    }

    @Test
    void aChangeWithoutATagOrWithTheWildcardIsRefusedAsPreconditionRequired() {
        for (String missing : new String[] {null, "", " ", "*"}) {
            PreconditionRequiredException e = assertThrows(PreconditionRequiredException.class,
                    () -> VersionTag.required(missing));
            assertTrue(e.getMessage().contains("If-Match"), e.getMessage());
        }
    }

    @Test
    void aTagThatNamesNoVersionCannotMatch() {
        for (String foreign : new String[] {"W/\"v1\"", "\"1\"", "v1", "\"v0\"", "\"abc\""}) {
            assertThrows(PreconditionFailedException.class, () -> VersionTag.required(foreign), foreign);
        }
        assertThrows(InvalidInputException.class, () -> VersionTag.required("\"v1\", \"v2\""));
    }
}
