package crm.bench;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongFunction;

/**
 * {@code IngestBenchmark BASE_URL CUSTOMERS WORKERS SECONDS}: records sales on segmentation-service,
 * whose database knows CUSTOMERS customers with ids md5('c' || n) (loaded by bin/crm bench close).
 * Prints transactions per second for single requests and for batches of 1,000.
 */
public final class IngestBenchmark {

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws InterruptedException {
        String base = args[0];
        int customers = Integer.parseInt(args[1]);
        int workers = Integer.parseInt(args[2]);
        Duration duration = Duration.ofSeconds(Long.parseLong(args[3]));
        String run = UUID.randomUUID().toString().substring(0, 8);
        HttpLoad load = new HttpLoad();
        LongFunction<HttpRequest> single = n -> HttpLoad.postJson(base + "/api/v1/transactions", sale(run + "-s-" + n, customers));
        load.warmUp(workers, Duration.ofSeconds(60), n -> HttpLoad.postJson(base + "/api/v1/transactions",
                sale(run + "-w-" + n, customers)));
        HttpLoad.Result singles = load.run(workers, duration, 0, single);
        System.out.printf("ingest, single requests, %d workers: %,.0f transactions/s (%s)%n", workers,
                singles.throughput(), singles.describe());
        int batchWorkers = Math.max(1, workers / 4);
        // The batch endpoint's own code (per-item validation, 1,000-row statements) gets its warm-up too.
        load.warmUp(batchWorkers, Duration.ofSeconds(15), n -> HttpLoad.postJson(
                base + "/api/v1/transactions/batch", batch(run + "-wb-" + n, customers)));
        HttpLoad.Result batches = load.run(batchWorkers, duration, 0, n -> HttpLoad.postJson(
                base + "/api/v1/transactions/batch", batch(run + "-b-" + n, customers)));
        System.out.printf("ingest, batches of 1,000, %d workers: %,.0f transactions/s (%s)%n", batchWorkers,
                batches.throughput() * 1000, batches.describe());
    }

    private static String batch(String prefix, int customers) {
        StringBuilder body = new StringBuilder("{\"transactions\":[");
        for (int i = 0; i < 1000; i++) {
            body.append(i == 0 ? "" : ",").append(sale(prefix + "-" + i, customers));
        }
        return body.append("]}").toString();
    }

    private static String sale(String externalId, int customers) {
        int n = 1 + ThreadLocalRandom.current().nextInt(customers);
        return """
            {"source":"bench","externalId":"%s","customerId":"%s","occurredAt":"2026-11-05T10:00:00Z","store":"s1",\
            "channel":"STORE","currency":"CNY","lines":[{"sku":"SKU-1","description":"Item","category":"FOOD",\
            "quantity":1,"unitPrice":28.00,"unitCost":9.50}],"attributes":{"seat":"window-2"}}"""
                .formatted(externalId, Md5Uuid.of("c" + n));
    }
}
