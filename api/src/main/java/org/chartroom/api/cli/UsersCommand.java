package org.chartroom.api.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.chartroom.api.security.UserAccount;
import org.chartroom.api.security.UserDirectory;
import org.chartroom.core.error.InvalidInputException;
import org.chartroom.core.security.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code chartroom users}: local accounts. There is no default account or password: the first administrator is
 * created here ({@code chartroom users add admin --role ADMIN}). Works while the server runs.
 */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Manage local user accounts.",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Disable.class,
                UsersCommand.Enable.class, UsersCommand.Password.class})
final class UsersCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Reads a new password from stdin (one line) or, interactively, twice from the console. */
    static char[] readPassword(boolean fromStdin) throws IOException {
        if (fromStdin) {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new InvalidInputException("no password on standard input");
            }
            return line.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw new InvalidInputException("no terminal to ask for the password: pass --password-stdin and pipe it");
        }
        char[] first = console.readPassword("New password: ");
        char[] second = console.readPassword("Again: ");
        if (!Arrays.equals(first, second)) {
            throw new InvalidInputException("the passwords differ");
        }
        return first;
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Create an account.")
    static final class Add implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Parameters(paramLabel = "USERNAME", description = "Lower-case user id.")
        String username;

        @Option(names = "--role", required = true, split = ",",
                description = "Roles (repeat or comma-separate): PHYSICIAN, TRANSCRIPTIONIST, CODER, HIM, AUDITOR, ADMIN.")
        List<String> roles;

        @Option(names = "--name", description = "Display name (a physician's documents carry it as author).")
        String displayName;

        @Option(names = "--password-stdin", description = "Read the password from standard input.")
        boolean passwordStdin;

        @Override
        public Integer call() throws Exception {
            Set<Role> parsed = roles.stream().map(Role::parse).collect(Collectors.toSet());
            UserAccount a = UserDirectory.open(data.settings().usersDir())
                    .add(username, displayName, parsed, readPassword(passwordStdin));
            System.out.printf("created %s (%s) with roles %s%n", a.username(), a.displayName(),
                    a.roleNames().stream().sorted().toList());
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the accounts.")
    static final class ListUsers implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Override
        public Integer call() {
            for (UserAccount a : UserDirectory.open(data.settings().usersDir()).list()) {
                System.out.printf("%-20s %-28s %-40s%s%n", a.username(), a.displayName(),
                        a.roleNames().stream().sorted().collect(Collectors.joining(",")),
                        a.disabled() ? " (disabled)" : "");
            }
            return 0;
        }
    }

    /** Enabling and disabling: the same change, either way. */
    abstract static class Availability implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Parameters(paramLabel = "USERNAME")
        String username;

        abstract boolean disable();

        @Override
        public Integer call() {
            UserDirectory.open(data.settings().usersDir()).setDisabled(username, disable());
            System.out.println((disable() ? "disabled " : "enabled ") + username);
            return 0;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Disable an account.")
    static final class Disable extends Availability {
        @Override
        boolean disable() {
            return true;
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable an account again.")
    static final class Enable extends Availability {
        @Override
        boolean disable() {
            return false;
        }
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true, description = "Set a new password (unlocks).")
    static final class Password implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Parameters(paramLabel = "USERNAME")
        String username;

        @Option(names = "--password-stdin", description = "Read the password from standard input.")
        boolean passwordStdin;

        @Override
        public Integer call() throws Exception {
            UserDirectory.open(data.settings().usersDir()).setPassword(username, readPassword(passwordStdin));
            System.out.println("password set for " + username);
            return 0;
        }
    }
}
