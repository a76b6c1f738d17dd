package dev.seqserve.serving.shutdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;

/** A signal closes the application context first and exits only after the close has returned. */
class SignalDrainTest {

    @Test
    void theContextIsClosedBeforeTheExitAndASecondSignalDoesNotDrainAgain() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch exited = new CountDownLatch(1);
        GenericApplicationContext context = new GenericApplicationContext();
        context.registerBean("drained", AutoCloseable.class, () -> () -> {
            Thread.sleep(200); // a drain that takes a while
            events.add("closed");
        });
        context.refresh();
        SignalDrain drain = new SignalDrain(context, () -> {
            events.add("exit");
            exited.countDown();
        });

        drain.onSignal("SIGTERM");
        drain.onSignal("SIGTERM");

        assertThat(exited.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(300);
        assertThat(events).containsExactly("closed", "exit");
        assertThat(context.isActive()).isFalse();
    }
}
