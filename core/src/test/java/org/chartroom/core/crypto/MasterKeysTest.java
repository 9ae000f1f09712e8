package org.chartroom.core.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.chartroom.core.error.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeysTest {
    @TempDir
    Path data;

    @Test
    void firstStartGeneratesAnOwnerOnlyKeystoreAndSaysToBackItUp() throws IOException {
        List<String> notices = new ArrayList<>();
        KeyRing first = MasterKeys.load(Map.of(), data, notices::add);
        Path keystore = MasterKeys.defaultKeystore(data);
        assertTrue(Files.isRegularFile(keystore));
        assertEquals(1, notices.size());
        assertTrue(notices.get(0).contains("back it up"), notices.get(0));
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore)));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore.getParent())));
        }
        KeyRing again = MasterKeys.load(Map.of(), data, notices::add);
        assertEquals(first.currentId(), again.currentId(), "the same key at the next start");
        assertEquals(1, notices.size(), "the notice only when the key is generated");
    }

    @Test
    void theEnvironmentKeyWinsAndPreviousKeysStayReadable() {
        byte[] current = KeyRing.randomBytes(32);
        byte[] previous = KeyRing.randomBytes(32);
        KeyRing ring = MasterKeys.load(Map.of(MasterKeys.MASTER_KEY, Base64.getEncoder().encodeToString(current),
                MasterKeys.PREVIOUS_KEYS, Base64.getEncoder().encodeToString(previous)), data, n -> { });
        assertEquals(2, ring.ids().size());
        assertEquals(KeyId.of(new javax.crypto.spec.SecretKeySpec(current, "AES")), ring.currentId());
        assertFalse(Files.exists(MasterKeys.defaultKeystore(data)), "no keystore generated");
    }

    @Test
    void aMalformedKeyNamesTheSetting() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> MasterKeys.load(
                Map.of(MasterKeys.MASTER_KEY, Base64.getEncoder().encodeToString(new byte[16])), data, n -> { }));
        assertTrue(e.getMessage().startsWith(MasterKeys.MASTER_KEY), e.getMessage());
        e = assertThrows(ConfigurationException.class,
                () -> MasterKeys.load(Map.of(MasterKeys.MASTER_KEY, "not base64!"), data, n -> { }));
        assertTrue(e.getMessage().startsWith(MasterKeys.MASTER_KEY), e.getMessage());
    }

    @Test
    void aWrongKeystorePasswordOrMissingKeystoreNamesTheSetting() {
        Map<String, String> env = Map.of(MasterKeys.KEYSTORE_PASSWORD, "right");
        MasterKeys.load(env, data, n -> { });
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> MasterKeys.load(Map.of(MasterKeys.KEYSTORE_PASSWORD, "wrong"), data, n -> { }));
        assertTrue(e.getMessage().contains(MasterKeys.KEYSTORE_PASSWORD), e.getMessage());
        e = assertThrows(ConfigurationException.class, () -> MasterKeys.load(
                Map.of(MasterKeys.KEYSTORE, data.resolve("nowhere.p12").toString()), data, n -> { }));
        assertTrue(e.getMessage().contains(MasterKeys.KEYSTORE), e.getMessage());
    }

    @Test
    void addingAKeyMakesItCurrentAndRetiringDropsTheRest() {
        KeyRing first = MasterKeys.load(Map.of(), data, n -> { });
        Path keystore = MasterKeys.defaultKeystore(data);
        MasterKeys.addKey(keystore, Map.of());
        KeyRing second = MasterKeys.load(Map.of(), data, n -> { });
        assertEquals(2, second.ids().size());
        assertTrue(second.has(first.currentId()));
        assertFalse(second.currentId().equals(first.currentId()));
        MasterKeys.retireOldKeys(keystore, Map.of());
        KeyRing third = MasterKeys.load(Map.of(), data, n -> { });
        assertEquals(List.of(second.currentId()), third.ids());
    }
}
