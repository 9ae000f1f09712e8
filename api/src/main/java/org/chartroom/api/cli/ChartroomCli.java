package org.chartroom.api.cli;

import org.chartroom.core.error.ChartroomException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code chartroom} command: one entry point for the server, bulk intake, search and the JSON Lines tools. */
@Command(name = "chartroom", mixinStandardHelpOptions = true, version = "chartroom 0.1.0",
        description = "Chartroom: health information management — intake, extraction, clinical NLP and search.",
        subcommands = {ServeCommand.class, IngestCommand.class, SearchCommand.class, AnnotateCommand.class,
                ExtractCommand.class, BenchCommand.class, UsersCommand.class, AuditCommand.class,
                KeysCommand.class, TranscribeCommand.class, EvalCommand.class, ModelsCommand.class, AsrCommand.class,
                CodesCommand.class, WorkerCommand.class, TrainCommand.class})
public final class ChartroomCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with the error handling every subcommand shares. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new ChartroomCli());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ChartroomException ce) {
                commandLine.getErr().println("chartroom: " + ce.getMessage());
                return 2;
            }
            throw e;
        });
        return cli;
    }
}
