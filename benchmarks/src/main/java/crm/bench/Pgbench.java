package crm.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * Runs pgbench (connection from PGHOST, PGUSER, PGPASSWORD, PGDATABASE) and reads its figures. With
 * per-transaction logging ({@code -l}) its latencies go into the same kind of histogram as {@link HttpLoad}'s,
 * so both percentiles are computed alike. Under {@code -R} pgbench counts a transaction's latency from its
 * scheduled start, as HttpLoad's open loop counts from a request's due time.
 */
final class Pgbench {
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");

    record Result(double tps, long failed, Histogram latencyMicros) {
        String describe() {
            return String.format("%,.0f tx/s, failed %d, latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms",
                    tps, failed, HttpLoad.millis(latencyMicros, 50), HttpLoad.millis(latencyMicros, 90),
                    HttpLoad.millis(latencyMicros, 99), latencyMicros.getMaxValue() / 1000.0);
        }
    }

    private final String binary;

    Pgbench(String binary) {
        this.binary = binary;
    }

    /**
     * pgbench with {@code arguments}: its throughput and, logged ({@code -l}) when {@code latencies}, every
     * transaction's latency (else an empty histogram: a throughput run does not pay for the log).
     */
    Result run(List<String> arguments, boolean latencies) throws IOException, InterruptedException {
        Path logs = Files.createTempDirectory("crm-pgbench");
        try {
            List<String> command = new ArrayList<>(List.of(binary));
            if (latencies) {
                command.addAll(List.of("-l", "--log-prefix=" + logs.resolve("tx")));
            }
            command.addAll(arguments);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("pgbench failed: " + output);
            }
            Matcher tps = TPS.matcher(output);
            if (!tps.find()) {
                throw new IllegalStateException("pgbench printed no tps: " + output);
            }
            Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
            long failed = 0;
            try (Stream<Path> files = Files.list(logs)) {
                for (Path file : files.toList()) {
                    failed += read(file, latency);
                }
            }
            return new Result(Double.parseDouble(tps.group(1)), failed, latency);
        } finally {
            try (Stream<Path> files = Files.walk(logs)) {
                files.sorted(Comparator.reverseOrder()).forEach(Pgbench::delete);
            }
        }
    }

    /**
     * One log file ({@code client transaction latency-us script epoch-s epoch-us [lag-us]}) into the histogram;
     * the count of transactions that failed or were skipped.
     */
    private static long read(Path file, Histogram latency) throws IOException {
        long failed = 0;
        for (String line : Files.readAllLines(file)) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length < 3) {
                continue;
            }
            if (fields[2].chars().allMatch(Character::isDigit)) {
                latency.recordValue(Math.max(1, Long.parseLong(fields[2])));
            } else {
                failed++;
            }
        }
        return failed;
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
