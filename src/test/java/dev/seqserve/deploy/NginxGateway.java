package dev.seqserve.deploy;

import static java.nio.file.attribute.PosixFilePermissions.fromString;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Debian's nginx running the project's gateway configuration (deploy/nginx/seqserve-gateway.conf)
 * on 127.0.0.1, with the replica addresses and the listen port rewritten for loopback.
 */
final class NginxGateway implements AutoCloseable {

    static final Path CONFIG = Path.of("deploy/nginx/seqserve-gateway.conf");

    private static final Pattern REPLICA = Pattern.compile("server seqserve-(\\d+):8080");
    private static final Pattern LISTEN = Pattern.compile("listen 8080;");

    private final Process process;
    private final int port;
    private final Path dir;

    private NginxGateway(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    /** The nginx binary, where one is installed. */
    static Optional<Path> binary() {
        return Stream.of("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx")
                .map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /** The gateway configuration with replica N at 127.0.0.1:replicaPorts[N-1] and listening on port. */
    static String render(String config, int port, List<Integer> replicaPorts) {
        Matcher replicas = REPLICA.matcher(config);
        StringBuilder rendered = new StringBuilder();
        int count = 0;
        while (replicas.find()) {
            int index = Integer.parseInt(replicas.group(1)) - 1;
            replicas.appendReplacement(rendered, "server 127.0.0.1:" + replicaPorts.get(index));
            count++;
        }
        replicas.appendTail(rendered);
        if (count != replicaPorts.size()) {
            throw new IllegalStateException("expected " + replicaPorts.size() + " `server seqserve-N:8080` lines in "
                    + CONFIG + ", found " + count);
        }
        Matcher listen = LISTEN.matcher(rendered);
        if (!listen.find()) {
            throw new IllegalStateException("no `listen 8080;` in " + CONFIG);
        }
        return listen.replaceFirst("listen 127.0.0.1:" + port + ";");
    }

    static NginxGateway start(Path nginx, List<Integer> replicaPorts) throws IOException, InterruptedException {
        int port = ServiceProcess.freePort();
        Path dir = Files.createDirectories(ProjectFiles.root().resolve("target/deploy-it/nginx"));
        Files.setPosixFilePermissions(dir, fromString("rwxr-xr-x")); // workers may run as nobody
        String rendered = render(Files.readString(ProjectFiles.root().resolve(CONFIG)), port, replicaPorts);
        Files.writeString(dir.resolve("seqserve-gateway.conf"), rendered);
        // A minimal main file around the project's http-context file, with every path inside dir.
        Files.writeString(dir.resolve("nginx.conf"), """
                daemon off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log info;
                events { worker_connections 256; }
                http {
                    access_log %1$s/access.log;
                    client_body_temp_path %1$s/client_body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    include %1$s/seqserve-gateway.conf;
                }
                """.formatted(dir));
        Process test = new ProcessBuilder(nginx.toString(), "-t", "-p", dir.toString(), "-e", dir + "/error.log",
                "-c", dir.resolve("nginx.conf").toString()).redirectErrorStream(true).start();
        String testOutput = new String(test.getInputStream().readAllBytes());
        if (test.waitFor() != 0) {
            throw new IllegalStateException("nginx -t rejected the gateway configuration:\n" + testOutput);
        }
        Process process = new ProcessBuilder(nginx.toString(), "-p", dir.toString(), "-e", dir + "/error.log",
                "-c", dir.resolve("nginx.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        NginxGateway gateway = new NginxGateway(process, port, dir);
        for (int i = 0; i < 100 && RawHttp.get(port, "/").kind() == RawHttp.Kind.REFUSED; i++) {
            ServiceProcess.sleep(50);
        }
        return gateway;
    }

    int port() {
        return port;
    }

    String errorLog() throws IOException {
        return Files.readString(dir.resolve("error.log"));
    }

    @Override
    public void close() {
        process.destroy(); // SIGTERM: nginx's fast shutdown
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
