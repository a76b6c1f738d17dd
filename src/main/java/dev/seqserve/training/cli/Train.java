package dev.seqserve.training.cli;

import dev.seqserve.training.forecast.ForecastCommand;
import dev.seqserve.training.selection.ForecastSelectCommand;
import dev.seqserve.training.sentiment.PretrainCommand;
import dev.seqserve.training.sentiment.ReexportCommand;
import dev.seqserve.training.sentiment.SentimentCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The training command: trains one named model from real data and writes its artifact folder.
 * {@code Train --help} lists the sub-commands; {@code Train <command> --help} their options.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Trains seqserve's models from real data and writes their artifact folders.",
        subcommands = {PretrainCommand.class, SentimentCommand.class, ForecastCommand.class, ForecastSelectCommand.class, ReexportCommand.class,
                CommandLine.HelpCommand.class})
public final class Train {

    private Train() {}

    /**
     * Runs a sub-command; exits with 0 on success, 2 on a usage error, 1 when training failed.
     *
     * @param args the sub-command and its options
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The parser with every sub-command, as {@link #main} runs it. */
    static CommandLine commandLine() {
        CommandLine line = new CommandLine(new Train());
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof IllegalArgumentException) {
                cmd.getErr().println("train: " + e.getMessage());
                return CommandLine.ExitCode.USAGE;
            }
            cmd.getErr().println("train: failed: " + e);
            e.printStackTrace(cmd.getErr());
            return CommandLine.ExitCode.SOFTWARE;
        });
        return line;
    }
}
