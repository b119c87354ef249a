package crm.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Apache Kafka broker in KRaft mode (broker and controller in one process).
 * Tests run one per JVM ({@link #shared()}); {@code bin/crm} runs it as a process through
 * {@link #main(String[])}.
 */
public final class KafkaBroker implements AutoCloseable {
    private static KafkaBroker shared;

    private final int port;
    private final int controllerPort;
    private final Path dataDir;
    private final boolean deleteOnClose;
    private KafkaRaftServer server;

    private KafkaBroker(KafkaRaftServer server, int port, int controllerPort, Path dataDir, boolean deleteOnClose) {
        this.server = server;
        this.port = port;
        this.controllerPort = controllerPort;
        this.dataDir = dataDir;
        this.deleteOnClose = deleteOnClose;
    }

    /** The broker of this JVM, started on first use on free ports, deleted at exit. */
    public static synchronized KafkaBroker shared() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("crm-kafka-");
                shared = start(freePort(), freePort(), dir, true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "kafka-broker-stop"));
        }
        return shared;
    }

    /** Formats {@code dataDir} on first use and starts the broker; it keeps its data across restarts. */
    public static KafkaBroker start(int port, int controllerPort, Path dataDir, boolean deleteOnClose) {
        return new KafkaBroker(server(port, controllerPort, dataDir), port, controllerPort, dataDir, deleteOnClose);
    }

    /** Stops the broker and keeps its data, as an outage would: clients find nobody at its port until {@link #restart}. */
    public synchronized void stop() {
        server.shutdown();
        server.awaitShutdown();
    }

    /** Starts the stopped broker again, on the same ports, with the topics and offsets it had. */
    public synchronized void restart() {
        server = server(port, controllerPort, dataDir);
    }

    private static KafkaRaftServer server(int port, int controllerPort, Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            Path logs = dataDir.resolve("logs");
            Properties props = new Properties();
            props.put("process.roles", "broker,controller");
            props.put("node.id", "1");
            props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
            props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
            props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
            props.put("controller.listener.names", "CONTROLLER");
            props.put("inter.broker.listener.name", "PLAINTEXT");
            props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            props.put("log.dirs", logs.toString());
            props.put("offsets.topic.replication.factor", "1");
            props.put("offsets.topic.num.partitions", "6");
            props.put("transaction.state.log.replication.factor", "1");
            props.put("transaction.state.log.min.isr", "1");
            props.put("share.coordinator.state.topic.replication.factor", "1");
            props.put("share.coordinator.state.topic.min.isr", "1");
            props.put("group.initial.rebalance.delay.ms", "0");
            props.put("auto.create.topics.enable", "false");
            props.put("num.partitions", "6");
            Path config = dataDir.resolve("server.properties");
            try (OutputStream out = Files.newOutputStream(config)) {
                props.store(out, "written by crm.testing.KafkaBroker");
            }
            if (!Files.exists(logs.resolve("meta.properties"))) {
                format(config);
            }
            KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
            server.startup();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void format(Path config) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = StorageTool.execute(new String[] {"format", "--cluster-id", Uuid.randomUuid().toString(),
            "--config", config.toString(), "--ignore-formatted"}, new PrintStream(output, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IllegalStateException("Formatting the Kafka log directory failed: " + output);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        if (deleteOnClose) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // best effort: the directory is under the system temp folder
            }
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code KafkaBroker PORT CONTROLLER_PORT DATA_DIR}: runs a broker until the process is stopped. */
    public static void main(String[] args) throws InterruptedException {
        if (args.length != 3) {
            System.err.println("usage: KafkaBroker PORT CONTROLLER_PORT DATA_DIR");
            System.exit(2);
        }
        KafkaBroker broker = start(Integer.parseInt(args[0]), Integer.parseInt(args[1]), Path.of(args[2]), false);
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-broker-stop"));
        System.out.println("Kafka broker ready on " + broker.bootstrapServers());
        broker.server.awaitShutdown();
    }
}
