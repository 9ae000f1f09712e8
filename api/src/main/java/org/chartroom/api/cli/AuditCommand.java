package org.chartroom.api.cli;

import java.util.concurrent.Callable;
import org.chartroom.api.audit.AuditLog;
import org.chartroom.api.runtime.ChartroomRuntime;
import org.chartroom.api.runtime.ChartroomSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code chartroom audit verify}: checks the hash chain of the audit trail. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Audit trail tools.",
        subcommands = {AuditCommand.Verify.class})
final class AuditCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check that no audit entry was edited, deleted, reordered or cut off (exit 1 if one was).")
    static final class Verify implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Override
        public Integer call() {
            ChartroomSettings settings = data.settings();
            AuditLog.Verification v = AuditLog.verify(settings.auditDir(),
                    ChartroomRuntime.encryption(settings, System.getenv()));
            if (v.intact()) {
                System.out.printf("audit trail intact: %d entries%n", v.entries());
                return 0;
            }
            System.out.printf("audit trail BROKEN after %d good entries: %s%n", v.entries(), v.problem());
            return 1;
        }
    }
}
