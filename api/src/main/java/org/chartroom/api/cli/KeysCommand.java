package org.chartroom.api.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.chartroom.api.audit.AuditLog;
import org.chartroom.api.runtime.ChartroomSettings;
import org.chartroom.core.crypto.Encryption;
import org.chartroom.core.crypto.KeyRing;
import org.chartroom.core.crypto.MasterKeys;
import org.chartroom.indexer.EncryptedDirectory;
import org.chartroom.ingest.intake.OriginalStore;
import org.chartroom.ingest.results.ResultStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code chartroom keys status|rotate}: which master keys protect the data directory, and moving it to a new one.
 * Rotation re-wraps each object's data key (a header rewrite per file); the bulk data is never re-encrypted.
 */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Master keys of the encryption at rest. Stop a server on the same data directory first.",
        subcommands = {KeysCommand.Status.class, KeysCommand.Rotate.class})
final class KeysCommand {
    private KeysCommand() {
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Where the keys come from, the current key id, and how many files each key wraps.")
    static final class Status implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Override
        public Integer call() throws IOException {
            ChartroomSettings settings = data.settings();
            Map<String, String> env = System.getenv();
            KeyRing keys = MasterKeys.load(env, settings.dataDir(), System.err::println);
            System.out.println("keys from:   " + keys.source());
            System.out.println("current key: " + keys.currentId());
            System.out.println("keys:        " + keys.ids());
            Map<String, Integer> originals;
            try (OriginalStore store = OriginalStore.open(settings.originalsDir(), Encryption.with(keys))) {
                originals = store.objectsByKey();
            }
            print("originals and intake records", originals);
            print("stage results", ResultStore.open(settings.resultsDir(), Encryption.with(keys)).objectsByKey());
            print("index files", EncryptedDirectory.filesByKey(settings.indexDir()));
            return 0;
        }

        private static void print(String what, Map<String, Integer> byKey) {
            System.out.println(what + ":" + (byKey.isEmpty() ? " none" : ""));
            new TreeMap<>(byKey).forEach((key, count) -> System.out.println("  " + key + "  " + count));
        }
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = {"Move every object to a new master key: with a keystore, a new key is generated, every "
                    + "data key re-wrapped and the old keys removed (stop the server and its workers first);",
                    "with " + MasterKeys.MASTER_KEY + ", set it to the new key and "
                            + MasterKeys.PREVIOUS_KEYS + " to the old one, run this, then drop the old one.",
                    "An interrupted rotation can simply be run again."})
    static final class Rotate implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Override
        public Integer call() throws IOException {
            ChartroomSettings settings = data.settings();
            Map<String, String> env = System.getenv();
            KeyRing before = MasterKeys.load(env, settings.dataDir(), System.err::println);
            Optional<Path> keystore = MasterKeys.keystore(env, settings.dataDir());
            // The store's lock first: a running server holds it, and must not keep writing under a retired key.
            try (OriginalStore store = OriginalStore.open(settings.originalsDir(), Encryption.with(before))) {
                keystore.ifPresent(file -> MasterKeys.addKey(file, env));
                KeyRing keys = MasterKeys.load(env, settings.dataDir(), System.err::println);
                // Stage results too (workers, which write them, are stopped with the server for a rotation).
                int objects = store.rewrap(keys)
                        + ResultStore.open(settings.resultsDir(), Encryption.with(keys)).rewrap(keys);
                int indexFiles = EncryptedDirectory.rewrapIndex(settings.indexDir(), keys);
                int auditEntries = AuditLog.reseal(settings.auditDir(), Encryption.with(keys));
                keystore.ifPresent(file -> MasterKeys.retireOldKeys(file, env));
                System.out.println("current key " + keys.currentId() + ": re-wrapped " + objects
                        + " originals, intake records and stage results, " + indexFiles + " index files and " + auditEntries
                        + " audit entries");
                if (keystore.isPresent()) {
                    System.out.println("old keys removed from " + keystore.get() + "; back up the keystore again");
                } else {
                    System.out.println("every file is now under " + MasterKeys.MASTER_KEY + "; remove "
                            + MasterKeys.PREVIOUS_KEYS);
                }
            }
            return 0;
        }
    }
}
