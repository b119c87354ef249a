package crm.bench;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongFunction;

/**
 * {@code IdentifyBenchmark SERVICE_URL GATEWAY_URL CUSTOMERS WORKERS SECONDS RATE WARMUP_SECONDS PGBENCH SCRIPT}:
 * identify by phone over the CUSTOMERS customers benchmarks/sql/identify.sql loads (phones +86 138 0000 0001
 * and up), beside pgbench running the same lookup (SCRIPT) on the same database in the same run. A closed
 * loop at WORKERS, straight to customer-service (CRM_TOKEN, the token the gateway signs), beside pgbench at
 * as many clients; then at RATE requests per second (open loop) straight and through the gateway with a
 * front-desk key (CRM_GATEWAY_KEY), beside pgbench at the same rate, its percentiles read from its
 * per-transaction log and computed as the HTTP ones are; and the service's liveness check at RATE, the floor
 * of any request with no database behind it.
 */
public final class IdentifyBenchmark {

    private IdentifyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String service = args[0];
        String gateway = args[1];
        int customers = Integer.parseInt(args[2]);
        int workers = Integer.parseInt(args[3]);
        Duration duration = Duration.ofSeconds(Long.parseLong(args[4]));
        double rate = Double.parseDouble(args[5]);
        Duration warmUp = Duration.ofSeconds(Long.parseLong(args[6]));
        Pgbench pgbench = new Pgbench(args[7]);
        String script = args[8];
        String key = System.getenv("CRM_GATEWAY_KEY");
        LongFunction<HttpRequest> direct = n -> HttpLoad.get(service + path(customers));
        LongFunction<HttpRequest> gated = n -> HttpLoad.get(gateway + path(customers), key);
        HttpLoad load = new HttpLoad();
        load.warmUp(workers, warmUp, direct);
        load.warmUp(workers, warmUp, gated);

        HttpLoad.Result closed = load.run(workers, duration, 0, direct);
        Pgbench.Result pgClosed = pgbench.run(arguments(script, customers, workers, duration, 0), false);
        System.out.println("identify, closed loop, " + workers + " workers, direct: " + closed.describe());
        System.out.printf("pgbench, the same lookup, %d clients: %,.0f tx/s%n", workers, pgClosed.tps());

        HttpLoad.Result atRate = load.run(workers, duration, rate, direct);
        HttpLoad.Result gatedAtRate = load.run(workers, duration, rate, gated);
        Pgbench.Result pgAtRate = pgbench.run(arguments(script, customers, workers, duration, rate), true);
        // The floor of any request at this rate: the HTTP stack, the JVM and this driver, no database.
        HttpLoad.Result floor = load.run(workers, duration, rate, n -> HttpLoad.get(service + "/q/health/live"));
        System.out.println("identify at " + (long) rate + " req/s, direct:       " + atRate.describe());
        System.out.println("identify at " + (long) rate + " req/s, gateway, key: " + gatedAtRate.describe());
        System.out.println("pgbench at " + (long) rate + " tx/s, the same lookup: " + pgAtRate.describe());
        System.out.println("liveness at " + (long) rate + " req/s, direct (no database): " + floor.describe());

        new Figure("identify.throughput", closed.throughput(), pgClosed.tps(), "req/s", closed.errors()).print();
        long pgErrors = pgAtRate.failed();
        new Figure("identify.p50.direct", atRate.millis(50), pgMillis(pgAtRate, 50), "ms", atRate.errors() + pgErrors).print();
        new Figure("identify.p99.direct", atRate.millis(99), pgMillis(pgAtRate, 99), "ms", atRate.errors() + pgErrors).print();
        new Figure("identify.p50.gateway", gatedAtRate.millis(50), pgMillis(pgAtRate, 50), "ms",
                gatedAtRate.errors() + pgErrors).print();
        new Figure("identify.p99.gateway", gatedAtRate.millis(99), pgMillis(pgAtRate, 99), "ms",
                gatedAtRate.errors() + pgErrors).print();
        new Figure("identify.p99.floor", floor.millis(99), pgMillis(pgAtRate, 99), "ms", floor.errors() + pgErrors).print();
    }

    /** Typed as the guest says it, without the country code: the service normalises it. */
    private static String path(int customers) {
        return "/api/v1/customers/identify?phone=138" + String.format("%08d", 1 + ThreadLocalRandom.current().nextInt(customers));
    }

    private static double pgMillis(Pgbench.Result result, double percentile) {
        return HttpLoad.millis(result.latencyMicros(), percentile);
    }

    /** rate 0: as fast as the server answers. */
    private static List<String> arguments(String script, int customers, int clients, Duration duration, double rate) {
        List<String> arguments = new ArrayList<>(List.of("-n", "-f", script, "-D", "customers=" + customers,
                "-c", Integer.toString(clients), "-j", Integer.toString(Math.min(2, clients)),
                "-T", Long.toString(duration.toSeconds())));
        if (rate > 0) {
            arguments.addAll(List.of("-R", Long.toString(Math.round(rate))));
        }
        return arguments;
    }
}
