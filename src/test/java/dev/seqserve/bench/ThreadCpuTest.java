package dev.seqserve.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.seqserve.bench.ThreadCpu.Role;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {

    @Test
    void userAndSystemTicksAreReadAfterANameWithSpacesAndParentheses() {
        String stat = "4242 (http-nio (x) 1) S 1 4242 4242 0 -1 4194624 100 0 0 0 250 30 0 0 20 0 40 0 123 456\n";

        assertThat(ThreadCpu.ticks(stat)).isEqualTo(280);
    }

    @Test
    void threadsAreToldApartByTheirNamesFirstFifteenCharacters() {
        assertThat(ThreadCpu.role("batch-sentiment")).isEqualTo(Role.BATCH_WORKERS);
        assertThat(ThreadCpu.role("http-nio-127.0.")).isEqualTo(Role.REQUEST_THREADS);
        assertThat(ThreadCpu.role("C2 CompilerThre")).isEqualTo(Role.JIT);
        assertThat(ThreadCpu.role("C1 CompilerThre")).isEqualTo(Role.JIT);
        assertThat(ThreadCpu.role("deadlines-senti")).isEqualTo(Role.OTHER);
        assertThat(ThreadCpu.role("GC Thread#0")).isEqualTo(Role.OTHER);
    }

    @Test
    void perRequestDividesEachRolesDifference() {
        Map<Role, Double> before = Map.of(Role.BATCH_WORKERS, 100.0, Role.REQUEST_THREADS, 50.0, Role.JIT, 10.0, Role.OTHER, 5.0);
        Map<Role, Double> after = Map.of(Role.BATCH_WORKERS, 300.0, Role.REQUEST_THREADS, 90.0, Role.JIT, 10.0, Role.OTHER, 9.0);

        Map<Role, Double> perRequest = ThreadCpu.perRequest(before, after, 100);

        assertThat(perRequest.get(Role.BATCH_WORKERS)).isCloseTo(2.0, within(1e-12));
        assertThat(perRequest.get(Role.REQUEST_THREADS)).isCloseTo(0.4, within(1e-12));
        assertThat(perRequest.get(Role.JIT)).isZero();
        assertThat(perRequest.get(Role.OTHER)).isCloseTo(0.04, within(1e-12));
    }

    @Test
    void theRunningJvmIsMeasuredOnLinux() {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(java.nio.file.Path.of("/proc/self/task")),
                "no /proc: not Linux");
        Map<Role, Double> now = new ThreadCpu(ProcessHandle.current().pid()).snapshot().orElseThrow();

        assertThat(now.values().stream().mapToDouble(Double::doubleValue).sum()).isPositive();
    }
}
