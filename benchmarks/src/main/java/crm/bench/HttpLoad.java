package crm.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Sends requests from a fixed number of workers for a fixed time, either as fast as the
 * server answers (closed loop) or at a fixed total rate (open loop, latency measured from the
 * moment each request was due, so a slow server cannot hide its queueing).
 */
final class HttpLoad {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    record Result(long requests, long errors, double seconds, Histogram latencyMicros) {
        double throughput() {
            return requests / seconds;
        }

        String describe() {
            return String.format("%,d requests in %.1f s = %,.0f req/s, errors %d, latency p50 %.2f ms, p90 %.2f ms,"
                            + " p99 %.2f ms, max %.2f ms", requests, seconds, throughput(), errors,
                    millis(50), millis(90), millis(99),
                    latencyMicros.getMaxValue() / 1000.0);
        }

        double millis(double percentile) {
            return HttpLoad.millis(latencyMicros, percentile);
        }
    }

    /** A percentile of a histogram of microseconds, in milliseconds: HTTP's and pgbench's latencies alike. */
    static double millis(Histogram latencyMicros, double percentile) {
        return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    /** {@code ratePerSecond} 0 = closed loop. {@code request} maps a request number to the request. */
    Result run(int workers, Duration duration, double ratePerSecond, LongFunction<HttpRequest> request)
            throws InterruptedException {
        return run(workers, duration, ratePerSecond, request, null);
    }

    /**
     * As {@link #run(int, Duration, double, LongFunction)}, reading each 2xx body: one {@code complete}
     * rejects counts as an error too (a 200 that is not the whole answer). Null: bodies are not read.
     */
    Result run(int workers, Duration duration, double ratePerSecond, LongFunction<HttpRequest> request,
            Predicate<String> complete) throws InterruptedException {
        Histogram latency = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(60), 3);
        AtomicLong sequence = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        double intervalNanos = ratePerSecond > 0 ? 1e9 / ratePerSecond : 0;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        for (int w = 0; w < workers; w++) {
            pool.submit(() -> {
                while (true) {
                    long n = sequence.getAndIncrement();
                    long due = ratePerSecond > 0 ? start + (long) (n * intervalNanos) : System.nanoTime();
                    if (due >= end) {
                        return null;
                    }
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    try {
                        if (complete == null) {
                            HttpResponse<Void> response = client.send(request.apply(n), HttpResponse.BodyHandlers.discarding());
                            if (response.statusCode() / 100 != 2) {
                                errors.incrementAndGet();
                            }
                        } else {
                            HttpResponse<String> response = client.send(request.apply(n), HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() / 100 != 2 || !complete.test(response.body())) {
                                errors.incrementAndGet();
                            }
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    latency.recordValue(Math.max(1, (System.nanoTime() - due) / 1000));
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(latency.getTotalCount(), errors.get(), seconds, latency);
    }

    /** Warms up the server (JIT, connection pools) without measuring. */
    void warmUp(int workers, Duration duration, LongFunction<HttpRequest> request) throws InterruptedException {
        run(workers, duration, 0, request);
    }

    static HttpRequest get(String url) {
        return get(url, System.getenv("CRM_TOKEN"));
    }

    /** With this bearer token rather than CRM_TOKEN's. */
    static HttpRequest get(String url, String token) {
        return authorized(HttpRequest.newBuilder(URI.create(url)), token).timeout(Duration.ofSeconds(10)).GET().build();
    }

    /** bin/crm passes the token in CRM_TOKEN: a key at the gateway, the gateway's token at a service. */
    private static HttpRequest.Builder authorized(HttpRequest.Builder request, String token) {
        return token == null || token.isEmpty() ? request : request.header("Authorization", "Bearer " + token);
    }

}
