package org.chartroom.api.security;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.chartroom.core.error.ConflictException;
import org.chartroom.core.error.InvalidInputException;
import org.chartroom.core.error.NotFoundException;
import org.chartroom.core.security.Role;

/**
 * The local accounts, in {@code <data>/users/users.json} (owner-only). The server and the {@code chartroom users}
 * command may use it at the same time: writes take a file lock, and a reader reloads when the file changed.
 *
 * <p>Lockout with backoff: after {@value #FREE_FAILURES} consecutive failed logins an account is locked for 30
 * seconds, doubling with each further failure up to 15 minutes. A successful login resets the count.
 */
public final class UserDirectory {
    static final int FREE_FAILURES = 5;
    private static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    private static final Duration MAX_LOCK = Duration.ofMinutes(15);
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,39}");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final Path lock;
    private final Clock clock;
    private Map<String, UserAccount> accounts = Map.of();
    /**
     * Which version of the file {@link #accounts} holds. Every write replaces the file (a new inode), so the inode,
     * modification time and size together tell a change even when two writes fall in one tick of the file system's
     * clock (the modification time alone did not: a disabled account could stay enabled in a running server).
     */
    private FileVersion loaded = FileVersion.NONE;

    private UserDirectory(Path dir, Clock clock) {
        this.file = dir.resolve("users.json");
        this.lock = dir.resolve("users.lock");
        this.clock = clock;
    }

    public static UserDirectory open(Path dir) {
        return open(dir, Clock.systemUTC());
    }

    static UserDirectory open(Path dir, Clock clock) {
        try {
            Files.createDirectories(dir);
            setOwnerOnly(dir, "rwx------");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the user directory " + dir, e);
        }
        return new UserDirectory(dir, clock);
    }

    public synchronized Optional<UserAccount> find(String username) {
        return Optional.ofNullable(current().get(username));
    }

    public synchronized List<UserAccount> list() {
        List<UserAccount> all = new ArrayList<>(current().values());
        all.sort(Comparator.comparing(UserAccount::username));
        return all;
    }

    public synchronized boolean isEmpty() {
        return current().isEmpty();
    }

    /** Creates an account. The password must be at least {@value PasswordHasher#MIN_LENGTH} characters. */
    public UserAccount add(String username, String displayName, Set<Role> roles, char[] password) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new InvalidInputException("a username is 2-40 lower-case letters, digits, '.', '_' or '-'");
        }
        if (roles.isEmpty()) {
            throw new InvalidInputException("give the user at least one role: " + Role.names());
        }
        if (password.length < PasswordHasher.MIN_LENGTH) {
            throw new InvalidInputException("the password must be at least " + PasswordHasher.MIN_LENGTH
                    + " characters");
        }
        String name = displayName == null || displayName.isBlank() ? username : displayName.strip();
        UserAccount account = new UserAccount(username, name, roles, PasswordHasher.hash(new String(password)),
                clock.instant(), false, 0, Instant.EPOCH);
        update(all -> {
            if (all.containsKey(username)) {
                throw new ConflictException("a user named " + username + " exists already");
            }
            all.put(username, account);
            return all;
        });
        return account;
    }

    public void setDisabled(String username, boolean disabled) {
        change(username, a -> a.withDisabled(disabled));
    }

    public void setPassword(String username, char[] password) {
        if (password.length < PasswordHasher.MIN_LENGTH) {
            throw new InvalidInputException("the password must be at least " + PasswordHasher.MIN_LENGTH
                    + " characters");
        }
        String hash = PasswordHasher.hash(new String(password));
        change(username, a -> a.withPasswordHash(hash));
    }

    /** The outcome of a login attempt, with what the audit trail should say. */
    public record LoginOutcome(Optional<UserAccount> account, String reason) {
        public boolean succeeded() {
            return account.isPresent();
        }
    }

    /** Checks a password, applying lockout; takes about as long for unknown users as for known ones. */
    public LoginOutcome login(String username, String password) {
        Optional<UserAccount> found = find(username == null ? "" : username);
        if (found.isEmpty()) {
            PasswordHasher.burnTime(password == null ? "" : password);
            return new LoginOutcome(Optional.empty(), "unknown user");
        }
        UserAccount account = found.get();
        Instant now = clock.instant();
        if (account.disabled()) {
            return new LoginOutcome(Optional.empty(), "account disabled");
        }
        if (now.isBefore(account.lockedUntil())) {
            return new LoginOutcome(Optional.empty(), "account locked until " + account.lockedUntil());
        }
        if (password != null && PasswordHasher.matches(password, account.passwordHash())) {
            change(username, UserAccount::withSuccess);
            return new LoginOutcome(Optional.of(account), "");
        }
        int failures = account.failedLogins() + 1;
        Instant lockedUntil = failures < FREE_FAILURES ? Instant.EPOCH : now.plus(lockFor(failures));
        change(username, a -> a.withFailure(failures, lockedUntil));
        return new LoginOutcome(Optional.empty(), failures < FREE_FAILURES ? "wrong password"
                : "wrong password; account locked until " + lockedUntil);
    }

    static Duration lockFor(int failures) {
        int doublings = Math.min(failures - FREE_FAILURES, 10);
        Duration d = FIRST_LOCK.multipliedBy(1L << doublings);
        return d.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : d;
    }

    private void change(String username, UnaryOperator<UserAccount> change) {
        update(all -> {
            UserAccount a = all.get(username);
            if (a == null) {
                throw new NotFoundException("no user named " + username);
            }
            all.put(username, change.apply(a));
            return all;
        });
    }

    /** Read-modify-write under the file lock, so the server and the command line do not lose each other's writes. */
    private synchronized void update(UnaryOperator<Map<String, UserAccount>> change) {
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            loaded = FileVersion.NONE;
            Map<String, UserAccount> all = new TreeMap<>(current());
            Map<String, UserAccount> next = change.apply(all);
            Path tmp = file.resolveSibling("users.json.tmp");
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(java.nio.ByteBuffer.wrap(JSON.writeValueAsBytes(next.values())));
                out.force(true);
            }
            setOwnerOnly(tmp, "rw-------");
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            accounts = Map.copyOf(next);
            loaded = FileVersion.of(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the user directory " + file, e);
        }
    }

    private Map<String, UserAccount> current() {
        try {
            if (!Files.exists(file)) {
                return Map.of();
            }
            FileVersion modified = FileVersion.of(file);
            if (!modified.equals(loaded)) {
                List<UserAccount> list = JSON.readValue(file.toFile(), new TypeReference<List<UserAccount>>() { });
                Map<String, UserAccount> map = new TreeMap<>();
                list.forEach(a -> map.put(a.username(), a));
                accounts = Map.copyOf(map);
                loaded = modified;
            }
            return accounts;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the user directory " + file, e);
        }
    }

    private record FileVersion(Object fileKey, FileTime modified, long size) {
        static final FileVersion NONE = new FileVersion(null, FileTime.fromMillis(-1), -1);

        static FileVersion of(Path file) throws IOException {
            java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(file,
                    java.nio.file.attribute.BasicFileAttributes.class);
            return new FileVersion(a.fileKey(), a.lastModifiedTime(), a.size());
        }
    }

    private static void setOwnerOnly(Path path, String permissions) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: rely on the data directory's own permissions
        }
    }
}
