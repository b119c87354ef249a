package crm.bench;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code IdentifyBenchmark BASE_URL CUSTOMERS WORKERS SECONDS RATE}: identify by phone against
 * customer-service, whose database holds CUSTOMERS customers with the phones +86 138 0000 0001
 * and up (loaded by bin/crm bench identify). Prints a closed-loop run at WORKERS concurrency and
 * an open-loop run at RATE requests per second.
 */
public final class IdentifyBenchmark {

    private IdentifyBenchmark() {
    }

    public static void main(String[] args) throws InterruptedException {
        String base = args[0];
        int customers = Integer.parseInt(args[1]);
        int workers = Integer.parseInt(args[2]);
        Duration duration = Duration.ofSeconds(Long.parseLong(args[3]));
        double rate = Double.parseDouble(args[4]);
        HttpLoad load = new HttpLoad();
        // Phones typed as the guest says them, without the country code: the service normalises each.
        java.util.function.LongFunction<java.net.http.HttpRequest> url = n -> HttpLoad.get(base
                + "/api/v1/customers/identify?phone=138" + String.format("%08d", 1 + ThreadLocalRandom.current().nextInt(customers)));
        load.warmUp(workers, Duration.ofSeconds(30), url);
        System.out.println("identify, closed loop, " + workers + " workers: "
                + load.run(workers, duration, 0, url).describe());
        System.out.println("identify, open loop at " + (long) rate + " req/s, " + workers + " workers: "
                + load.run(workers, duration, rate, url).describe());
    }
}
