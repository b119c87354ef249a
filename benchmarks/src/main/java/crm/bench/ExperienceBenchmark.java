package crm.bench;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.LongFunction;

/**
 * {@code ExperienceBenchmark BASE_URL JOURNEY WORKERS SECONDS}: logs experience entries on experience-service
 * against JOURNEY (the furniture-store journey, twenty touch points) and prints entries per second for
 * single-entry requests and for whole visits of twenty entries. Single entries fill 200 visits at once, a
 * touch point at a time, as staff at several counters would: one request in twenty starts a visit.
 */
public final class ExperienceBenchmark {
    static final String[] TOUCH_POINTS = {"location", "parking", "decor", "diy-tools", "one-way-route", "quality",
        "price", "room-sets", "trying-products", "labels", "staff", "toilets", "childrens-area", "restaurant",
        "finding-items", "carrying-items", "paying", "delivery", "assembly", "ice-cream"};
    private static final int OPEN_VISITS = 200;

    private ExperienceBenchmark() {
    }

    public static void main(String[] args) throws InterruptedException {
        String url = args[0] + "/api/v1/experience/logs";
        String journey = args[1];
        int workers = Integer.parseInt(args[2]);
        Duration duration = Duration.ofSeconds(Long.parseLong(args[3]));
        String run = UUID.randomUUID().toString().substring(0, 8);
        HttpLoad load = new HttpLoad();
        load.warmUp(workers, Duration.ofSeconds(30), n -> single(url, journey, run + "w", n));
        HttpLoad.Result singles = load.run(workers, duration, 0, n -> single(url, journey, run + "s", n));
        System.out.printf("log ingest, single entries, %d workers: %,.0f entries/s (%s)%n", workers,
                singles.throughput(), singles.describe());
        LongFunction<HttpRequest> visit = n -> HttpLoad.postJson(url, visit(journey, run + "v", n));
        HttpLoad.Result visits = load.run(workers, duration, 0, visit);
        System.out.printf("log ingest, whole visits of %d entries, %d workers: %,.0f entries/s (%s)%n",
                TOUCH_POINTS.length, workers, visits.throughput() * TOUCH_POINTS.length, visits.describe());
    }

    /** Request n logs touch point (n / OPEN_VISITS) % 20 of visit n % OPEN_VISITS of its round. */
    private static HttpRequest single(String url, String journey, String run, long n) {
        long round = n / (OPEN_VISITS * (long) TOUCH_POINTS.length);
        int touchPoint = (int) (n / OPEN_VISITS % TOUCH_POINTS.length);
        UUID visit = UUID.nameUUIDFromBytes((run + "-" + round + "-" + n % OPEN_VISITS).getBytes());
        return HttpLoad.postJson(url, """
                {"visitId":"%s","journeyCode":"%s","customerId":"%s","store":"s1","recordedBy":"STAFF",\
                "touchPointCode":"%s","score":%d,"occurredAt":"%s"}""".formatted(visit, journey, customer(visit),
                TOUCH_POINTS[touchPoint], score(n), Instant.parse("2026-11-05T10:00:00Z").plusSeconds(touchPoint * 60L)));
    }

    private static String visit(String journey, String run, long n) {
        UUID visit = UUID.nameUUIDFromBytes((run + "-" + n).getBytes());
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < TOUCH_POINTS.length; i++) {
            entries.append(i == 0 ? "" : ",").append("""
                    {"touchPointCode":"%s","score":%d,"occurredAt":"%s"}""".formatted(TOUCH_POINTS[i], score(n + i),
                    Instant.parse("2026-11-05T10:00:00Z").plusSeconds(i * 60L)));
        }
        return """
                {"visitId":"%s","journeyCode":"%s","customerId":"%s","store":"s1","recordedBy":"CUSTOMER","entries":[%s]}"""
                .formatted(visit, journey, customer(visit), entries);
    }

    private static UUID customer(UUID visit) {
        return Md5Uuid.of("c" + (1 + Math.floorMod(visit.hashCode(), 20_000)));
    }

    private static int score(long n) {
        return (int) Math.floorMod(n * 7919, 7) - 3;
    }
}
