package org.chartroom.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.chartroom.core.error.ConflictException;
import org.chartroom.core.error.InvalidInputException;
import org.chartroom.core.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserDirectoryTest {
    @TempDir
    Path dir;

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-03-14T09:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void passwordsAreStoredOnlyAsArgon2idHashes() throws Exception {
        UserDirectory users = UserDirectory.open(dir);
        users.add("osler", "Dr. Osler", Set.of(Role.PHYSICIAN), "a-fine-long-password".toCharArray());
        String file = Files.readString(dir.resolve("users.json"));
        assertFalse(file.contains("a-fine-long-password"));
        assertTrue(file.contains("$argon2id$"));
        assertTrue(users.login("osler", "a-fine-long-password").succeeded());
        assertFalse(users.login("osler", "a-wrong-password").succeeded());
        assertFalse(users.login("nobody", "a-fine-long-password").succeeded());
    }

    @Test
    void badAccountsAreRefusedWithReasons() {
        UserDirectory users = UserDirectory.open(dir);
        assertThrows(InvalidInputException.class, () -> users.add("Bad Name", "", Set.of(Role.CODER),
                "a-fine-long-password".toCharArray()));
        assertThrows(InvalidInputException.class, () -> users.add("short", "", Set.of(Role.CODER),
                "tooshort".toCharArray()));
        assertThrows(InvalidInputException.class, () -> users.add("noroles", "", Set.of(),
                "a-fine-long-password".toCharArray()));
        users.add("twice", "", Set.of(Role.CODER), "a-fine-long-password".toCharArray());
        assertThrows(ConflictException.class, () -> users.add("twice", "", Set.of(Role.CODER),
                "a-fine-long-password".toCharArray()));
    }

    @Test
    void lockoutBacksOffAndASuccessResetsIt() {
        ManualClock clock = new ManualClock();
        UserDirectory users = UserDirectory.open(dir, clock);
        users.add("coder", "", Set.of(Role.CODER), "the-right-password".toCharArray());
        for (int i = 0; i < UserDirectory.FREE_FAILURES; i++) {
            assertFalse(users.login("coder", "wrong").succeeded());
        }
        assertTrue(users.login("coder", "the-right-password").reason().contains("locked"));
        clock.now = clock.now.plusSeconds(31);
        assertTrue(users.login("coder", "the-right-password").succeeded(), "the lock lapses");
        assertEquals(Duration.ofSeconds(60), UserDirectory.lockFor(6));
        assertEquals(Duration.ofMinutes(15), UserDirectory.lockFor(40));
    }

    @Test
    void aSecondProcessSeesNewAccountsAndDisabling() {
        UserDirectory server = UserDirectory.open(dir);
        UserDirectory cli = UserDirectory.open(dir);
        assertTrue(server.isEmpty());
        cli.add("him1", "", Set.of(Role.HIM), "a-fine-long-password".toCharArray());
        assertTrue(server.find("him1").isPresent());
        cli.setDisabled("him1", true);
        assertEquals("account disabled", server.login("him1", "a-fine-long-password").reason());
        // Changes faster than the file system's clock ticks are seen too (each one within a millisecond or so).
        for (int i = 0; i < 20; i++) {
            boolean disabled = i % 2 == 0;
            cli.setDisabled("him1", !disabled);
            assertEquals(!disabled, server.find("him1").orElseThrow().disabled(), "change " + i);
        }
    }
}
