package dev.seqserve.training.report;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar with rate and ETA, redrawn in place on a terminal and printed at most
 * every few seconds when the output is a log file.
 */
public final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final String label;
    private final long total;
    private final boolean interactive;
    private final long startNanos = System.nanoTime();
    private long lastDrawNanos;

    /**
     * @param out where to draw
     * @param label a short prefix, e.g. {@code epoch 2/5}
     * @param total the number of units (examples) in the whole run
     */
    public ProgressBar(PrintStream out, String label, long total) {
        this.out = out;
        this.label = label;
        this.total = Math.max(1, total);
        this.interactive = System.console() != null;
    }

    /**
     * Redraws the bar if enough time has passed since the last draw.
     *
     * @param done units finished so far
     * @param detail a short trailing text, e.g. the running loss
     */
    public void update(long done, String detail) {
        long now = System.nanoTime();
        long interval = interactive ? 200_000_000L : 15_000_000_000L;
        if (done < total && now - lastDrawNanos < interval) {
            return;
        }
        lastDrawNanos = now;
        out.print((interactive ? "\r" : "") + line(done, now, detail) + (interactive ? "" : System.lineSeparator()));
        out.flush();
    }

    /** Ends the bar's line so the next output starts on a fresh one. */
    public void finish() {
        if (interactive) {
            out.println();
        }
    }

    String line(long done, long nowNanos, String detail) {
        double seconds = (nowNanos - startNanos) / 1e9;
        double fraction = Math.min(1.0, (double) done / total);
        int filled = (int) Math.round(fraction * WIDTH);
        double rate = seconds > 0 ? done / seconds : 0;
        double eta = rate > 0 ? (total - done) / rate : Double.NaN;
        return String.format(Locale.ROOT, "%s [%s%s] %3.0f%% %d/%d %.0f/s ETA %s %s",
                label, "#".repeat(filled), ".".repeat(WIDTH - filled), fraction * 100, done, total, rate,
                formatSeconds(eta), detail);
    }

    static String formatSeconds(double seconds) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            return "--:--";
        }
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
