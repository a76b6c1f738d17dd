package dev.seqserve.serving.shutdown;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Handles SIGTERM and SIGINT itself, so that the application context is closed, and with it every
 * model drained, before the JVM starts its shutdown hooks.
 *
 * <p>ONNX Runtime's Java API registers a JVM shutdown hook when the {@code OrtEnvironment} is created
 * (1.28.0: {@code OrtEnvironment}'s constructor adds a {@code Thread} running its private
 * {@code OrtEnvCloser}, which calls the native {@code ReleaseEnv}); nothing can disable or remove it,
 * and the JVM runs every hook at once, in no order. Left to the JVM's own signal handling, that hook
 * releases the environment while Spring's hook is still draining requests, and a batch worker inside
 * {@code OrtSession.run} dies with SIGBUS. Here the signal only starts a thread that closes the
 * context; the hooks run when that thread calls {@link System#exit} afterwards, when no session is
 * left to run.
 *
 * <p>{@code sun.misc.Signal} (module {@code jdk.unsupported}) is reached through method handles so
 * that the build stays free of its "internal proprietary API" warning.
 */
public final class SignalDrain {

    /** The exit status of a process ended by SIGTERM, as the JVM's own handling would give. */
    static final int EXIT_STATUS = 143;

    private static final Logger log = LoggerFactory.getLogger(SignalDrain.class);
    private static final List<String> SIGNALS = List.of("TERM", "INT");

    private final ConfigurableApplicationContext context;
    private final Runnable exit;
    private final AtomicBoolean draining = new AtomicBoolean();

    SignalDrain(ConfigurableApplicationContext context, Runnable exit) {
        this.context = context;
        this.exit = exit;
    }

    /**
     * Installs the handlers for a context that is about to be refreshed, so a signal during start-up
     * (model loading, warm-up) drains too; a JVM without {@code sun.misc.Signal} keeps its own handling.
     */
    public static void install(ConfigurableApplicationContext context) {
        SignalDrain drain = new SignalDrain(context, () -> System.exit(EXIT_STATUS));
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            MethodHandle create = lookup.findConstructor(signalClass, MethodType.methodType(void.class, String.class));
            MethodHandle handle = lookup.findStatic(signalClass, "handle",
                    MethodType.methodType(handlerClass, signalClass, handlerClass));
            Object handler = Proxy.newProxyInstance(handlerClass.getClassLoader(), new Class<?>[] {handlerClass},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "handle" -> {
                            drain.onSignal(String.valueOf(args[0]));
                            yield null;
                        }
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> "SignalDrain";
                    });
            for (String name : SIGNALS) {
                handle.invoke(create.invoke(name), handler);
            }
        } catch (Throwable e) {
            log.warn("Cannot handle SIGTERM itself ({}); ONNX Runtime's shutdown hook may race the drain", e.toString());
        }
    }

    /** Starts the drain once; a second signal while it runs is only logged. */
    void onSignal(String signal) {
        if (!draining.compareAndSet(false, true)) {
            log.info("{} received again; the drain is already under way", signal);
            return;
        }
        Thread thread = new Thread(this::drain, "signal-drain");
        thread.setDaemon(false);
        thread.start();
    }

    private void drain() {
        long start = System.nanoTime();
        log.info("Shutdown signal: draining before the JVM exits");
        try {
            context.close();
        } catch (RuntimeException e) {
            log.error("Closing the application failed; exiting anyway", e);
        }
        log.info("Drained in {} ms; exiting", (System.nanoTime() - start) / 1_000_000);
        exit.run();
    }
}
