package crm.bench;

import java.util.List;
import java.util.Optional;

/**
 * A row of bin/crm bench all's table: the figure a benchmark prints under {@code name}, what it is, and its
 * target as a bound on value / baseline (the table of raised targets), or none.
 */
record Measure(String name, String bench, String description, String target) {

    static final List<Measure> ALL = List.of(
            new Measure("identify.throughput", "identify", "identify, closed loop, direct / pgbench", null),
            new Measure("identify.p50.direct", "identify", "identify p50 at a rate, direct / pgbench's", null),
            new Measure("identify.p99.direct", "identify", "identify p99 at a rate, direct / pgbench's", null),
            new Measure("identify.p50.gateway", "identify", "identify p50 at a rate, gateway+key / pgbench's", null),
            new Measure("identify.p99.gateway", "identify", "identify p99 at a rate, gateway+key / pgbench's", "<= 1.5"),
            new Measure("identify.p99.floor", "identify", "liveness p99 at a rate, no database / pgbench's", null),
            new Measure("close", "close", "period close / plain ranking SQL", "<= 0.35"),
            new Measure("close.recompute", "close", "recompute of the close / plain ranking SQL", null),
            new Measure("ingest.single", "ingest", "single-sale ingest / pgbench -N", ">= 1.5"),
            new Measure("ingest.batch", "ingest", "batch ingest / pgbench -N", ">= 8"),
            new Measure("experience.single", "experience", "experience single entries / pgbench -N", ">= 1.0"),
            new Measure("experience.visit", "experience", "experience whole visits / pgbench -N", null),
            new Measure("experience.curve", "experience", "journey curve, API / plain SQL", null),
            new Measure("experience.curve.returning", "experience", "journey curve RETURNING, API / plain SQL", null),
            new Measure("experience.moments", "experience", "moments of truth, API / plain SQL", null),
            new Measure("gateway.identify", "gateway", "identify throughput, gateway / direct", ">= 0.8"),
            new Measure("gateway.sale", "gateway", "sale throughput, gateway / direct", null),
            new Measure("card.p99", "card", "card p99 / identify p99, gateway, same rate", "<= 3"),
            new Measure("card.capacity", "card", "card, closed loop / the rate it is asked at", null),
            new Measure("instances.sale", "instances", "sale flood through the gateway, two instances / one", ">= 0.9"));

    static Optional<Measure> named(String name) {
        return ALL.stream().filter(m -> m.name.equals(name)).findFirst();
    }

    /** Whether the ratio meets the target; empty when the measure has none. */
    Optional<Boolean> met(double ratio) {
        if (target == null) {
            return Optional.empty();
        }
        double bound = Double.parseDouble(target.substring(2).trim());
        return Optional.of(target.startsWith("<=") ? ratio <= bound : ratio >= bound);
    }
}
