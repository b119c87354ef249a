package crm.system;

import crm.testing.IdentityKeys;
import crm.testing.KafkaBroker;
import crm.testing.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The four packaged services as separate processes, on free ports, against the test JVM's real
 * Kafka broker and throwaway database: the system as a user runs it.
 */
final class RunningSystem implements AutoCloseable {
    private static RunningSystem shared;
    private final List<Process> processes = new ArrayList<>();
    /** The process and the command of each service started, by name, so one can be killed and started again. */
    private final Map<String, Process> byName = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, List<String>> commands = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Integer> ports = new java.util.concurrent.ConcurrentHashMap<>();
    private final Path root = Path.of(System.getProperty("crm.root", "..")).toAbsolutePath().normalize();
    private final Path logs = root.resolve("system-tests/target/service-logs");
    private final Path adminKeyFile = root.resolve("system-tests/target/admin-key");
    final int gatewayPort = KafkaBroker.freePort();
    final int customerPort = KafkaBroker.freePort();
    final int segmentationPort = KafkaBroker.freePort();
    final int experiencePort = KafkaBroker.freePort();
    private final List<String> gatewayProperties = new ArrayList<>();
    /** What every service instance is started with: the database, the broker, the gateway's public key. */
    private final List<String> serviceProperties = new ArrayList<>();

    /** One system for every test class of this JVM, started by the first that asks; it stops with the JVM. */
    static synchronized RunningSystem shared() throws IOException, InterruptedException {
        if (shared == null) {
            shared = new RunningSystem().start();
        }
        return shared;
    }

    /** Starts everything and waits until it is ready; stops what it started if that fails. */
    RunningSystem start() throws IOException, InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> processes.forEach(Process::destroyForcibly)));
        try {
            launchAll();
        } catch (IOException | InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
        return this;
    }

    private void launchAll() throws IOException, InterruptedException {
        KafkaBroker kafka = KafkaBroker.shared();
        TestDatabase db = TestDatabase.shared();
        Files.createDirectories(logs);
        IdentityKeys identity = IdentityKeys.shared();
        Files.deleteIfExists(adminKeyFile);
        List<String> database = List.of(
                "-Dquarkus.datasource.jdbc.url=" + db.jdbcUrl(),
                "-Dquarkus.datasource.username=" + db.user(),
                "-Dquarkus.datasource.password=" + db.password());
        List<String> common = new ArrayList<>(database);
        common.add("-Dkafka.bootstrap.servers=" + kafka.bootstrapServers());
        common.add("-Dmp.jwt.verify.publickey.location=" + identity.publicKeyPem());
        serviceProperties.addAll(common);
        launch("customer-service", customerPort, common);
        launch("segmentation-service", segmentationPort, common);
        launch("experience-service", experiencePort, common);
        gatewayProperties.addAll(database);
        gatewayProperties.add("-Dcrm.gateway.identity.private-key=" + identity.privateKeyPem());
        List<String> gateway = new ArrayList<>(gatewayProperties);
        gateway.addAll(List.of(
                "-Dcrm.gateway.api-keys.bootstrap-file=" + adminKeyFile,
                "-Dcrm.gateway.services.customer-service.urls=http://127.0.0.1:" + customerPort,
                "-Dcrm.gateway.services.segmentation-service.urls=http://127.0.0.1:" + segmentationPort,
                "-Dcrm.gateway.services.experience-service.urls=http://127.0.0.1:" + experiencePort));
        launch("gateway", gatewayPort, gateway);
        awaitReady(gatewayPort, "ready", Duration.ofSeconds(120));
    }

    /**
     * A second gateway in front of the same services and database, except that {@code stopped} is at a
     * port where nothing listens: the system as it is while that service is down. Answers its port.
     */
    int gatewayWithout(String stopped) throws IOException, InterruptedException {
        int port = KafkaBroker.freePort();
        List<String> gateway = new ArrayList<>(gatewayProperties);
        Map<String, Integer> ports = Map.of("customer-service", customerPort,
                "segmentation-service", segmentationPort, "experience-service", experiencePort);
        ports.forEach((service, servicePort) -> gateway.add("-Dcrm.gateway.services." + service + ".urls=http://127.0.0.1:"
                + (service.equals(stopped) ? KafkaBroker.freePort() : servicePort)));
        launch("gateway-without-" + stopped, port, gateway);
        // Ready although a service behind it is down: the others can be served (the health details name it).
        awaitReady(port, "ready", Duration.ofSeconds(60));
        return port;
    }

    /**
     * A second instance of each service ({@code customer-service-2}, ...) and a gateway over both instances of
     * each: two instances of the system sharing the database and the broker, as several replicas run. Answers
     * the gateway's port; {@link #stopSecondInstances} stops them.
     */
    int gatewayOverTwoInstances() throws IOException, InterruptedException {
        Map<String, Integer> first = Map.of("customer-service", customerPort,
                "segmentation-service", segmentationPort, "experience-service", experiencePort);
        List<String> gateway = new ArrayList<>(gatewayProperties);
        for (Map.Entry<String, Integer> service : first.entrySet()) {
            int second = KafkaBroker.freePort();
            launch(service.getKey() + "-2", second, serviceProperties);
            gateway.add("-Dcrm.gateway.services." + service.getKey() + ".urls=http://127.0.0.1:" + service.getValue()
                    + ",http://127.0.0.1:" + second);
        }
        int port = KafkaBroker.freePort();
        launch("gateway-over-two", port, gateway);
        for (String service : first.keySet()) {
            awaitReady(ports.get(service + "-2"), "ready", Duration.ofSeconds(120));
        }
        awaitReady(port, "ready", Duration.ofSeconds(60));
        return port;
    }

    /** The second instances and their gateway, stopped as an orchestrator stops them (SIGTERM). */
    void stopSecondInstances() throws InterruptedException {
        for (String name : List.of("gateway-over-two", "customer-service-2", "segmentation-service-2",
                "experience-service-2")) {
            Process process = byName.remove(name);
            if (process != null) {
                process.destroy();
                process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        }
    }

    /** The port of a service instance started by this system. */
    int port(String name) {
        return ports.get(name);
    }

    private void launch(String name, int port, List<String> properties) throws IOException {
        // gateway-without-..., customer-service-2: the packaged service they are an instance of
        String service = name.startsWith("gateway") ? "gateway" : name.replaceFirst("-\\d+$", "");
        Path jar = root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw verify)");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Dquarkus.http.port=" + port));
        command.addAll(properties);
        command.addAll(List.of("-jar", jar.toString()));
        commands.put(name, command);
        ports.put(name, port);
        start(name);
    }

    private void start(String name) throws IOException {
        Path log = logs.resolve(name + ".log");
        Process process = new ProcessBuilder(commands.get(name)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        processes.add(process);
        byName.put(name, process);
    }

    /** {@code kill -9} of a service: no shutdown hook runs, requests in flight are cut. */
    void kill(String name) throws InterruptedException {
        Process process = byName.get(name);
        process.destroyForcibly();
        process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** Starts a killed service again on its port and waits until it can serve. */
    void restart(String name) throws IOException, InterruptedException {
        start(name);
        awaitReady(ports.get(name), "live", Duration.ofSeconds(90));
    }

    /** Waits for a gateway's health check ({@code ready}: only when every service behind it is, or {@code live}). */
    private void awaitReady(int port, String check, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/" + check))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            for (Process process : byName.values()) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("A service exited during start-up; see " + logs);
                }
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The system was not ready within " + timeout + "; see " + logs);
    }

    /**
     * The first admin key, which the gateway writes on its first start against a new database. The
     * test JVM's database is new, so every run has one.
     */
    String adminKey() throws IOException {
        return Files.readString(adminKeyFile).trim();
    }

    @Override
    public void close() throws InterruptedException {
        processes.forEach(Process::destroy);
        for (Process process : processes) {
            if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
