package dev.seqserve.deploy;

import java.util.function.IntSupplier;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;

/**
 * Waits until {@code GET /actuator/health/readiness} answers 200 on a host-network container's port.
 * (Testcontainers' HTTP wait strategy asks for a mapped port, which host networking does not have.)
 */
final class ReadinessWaitStrategy extends AbstractWaitStrategy {

    private final IntSupplier port;

    ReadinessWaitStrategy(IntSupplier port) {
        this.port = port;
    }

    @Override
    protected void waitUntilReady() {
        long deadline = System.nanoTime() + startupTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!waitStrategyTarget.isRunning()) {
                throw new ContainerLaunchException("container exited before it was ready:\n"
                        + waitStrategyTarget.getLogs());
            }
            if (RawHttp.get(port.getAsInt(), "/actuator/health/readiness").ok()) {
                return;
            }
            ServiceProcess.sleep(500);
        }
        throw new ContainerLaunchException("not ready within " + startupTimeout + ":\n" + waitStrategyTarget.getLogs());
    }
}
