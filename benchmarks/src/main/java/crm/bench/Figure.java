package crm.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One measure of a benchmark beside its baseline taken in the same run, printed as the single line
 * {@code BENCH name=identify.p99.gateway value=3.21 baseline=2.05 unit=ms errors=0} that
 * {@code bin/crm bench all} collects. The shell benchmarks print the same line (bench_figure in bin/crm).
 */
record Figure(String name, double value, double baseline, String unit, long errors) {
    static final String PREFIX = "BENCH ";

    double ratio() {
        return value / baseline;
    }

    String line() {
        return String.format(Locale.ROOT, "%sname=%s value=%.4f baseline=%.4f unit=%s errors=%d", PREFIX, name, value,
                baseline, unit, errors);
    }

    void print() {
        System.out.println(line());
    }

    /** The figure a BENCH line carries, or null for any other line. */
    static Figure parse(String line) {
        int start = line.indexOf(PREFIX);
        if (start < 0) {
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : line.substring(start + PREFIX.length()).trim().split("\\s+")) {
            int eq = field.indexOf('=');
            if (eq > 0) {
                fields.put(field.substring(0, eq), field.substring(eq + 1));
            }
        }
        return new Figure(fields.get("name"), Double.parseDouble(fields.get("value")),
                Double.parseDouble(fields.get("baseline")), fields.get("unit"),
                Long.parseLong(fields.getOrDefault("errors", "0")));
    }
}
