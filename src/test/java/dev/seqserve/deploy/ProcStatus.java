package dev.seqserve.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's resident memory and OS thread count from Linux's {@code /proc/<pid>/status}.
 *
 * @param rssKib {@code VmRSS} in KiB
 * @param threads {@code Threads}
 */
record ProcStatus(long rssKib, int threads) {

    static ProcStatus of(long pid) {
        long rss = -1;
        int threads = -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("[^0-9]", ""));
                } else if (line.startsWith("Threads:")) {
                    threads = Integer.parseInt(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/" + pid + "/status (Linux only)", e);
        }
        return new ProcStatus(rss, threads);
    }
}
