package dev.seqserve.training;

import java.io.PrintStream;

/** {@code Train forecast}: trains a series forecaster and writes its artifact folder. */
final class ForecastCommand {

    private final Options options;
    private final PrintStream out;

    ForecastCommand(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    void run() {
        options.requireAllRead();
        out.println("forecast training is not built yet");
        throw new UnsupportedOperationException("forecast training is not built yet");
    }
}
