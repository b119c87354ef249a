package crm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * bin/crm bench all's table, from the BENCH lines the benchmarks printed (standard input):
 * <pre>
 *   Report table [--check BENCH,BENCH...] [--json FILE --commit COMMIT]
 *   Report compare A.json B.json
 * </pre>
 * {@code --check} (the smoke run) fails unless every measure of those benchmarks was printed, positive,
 * with no errors; it does not judge the targets. {@code --json} keeps the run with its commit and the
 * BENCH_* sizes it ran with, for {@code compare}.
 */
public final class Report {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    record Row(String name, String description, double value, double baseline, String unit, double ratio,
            String target, Boolean met, long errors) {
        static Row of(Figure figure) {
            Measure measure = Measure.named(figure.name()).orElse(new Measure(figure.name(), "", figure.name(), null));
            return new Row(figure.name(), measure.description(), figure.value(), figure.baseline(), figure.unit(),
                    figure.ratio(), measure.target(), measure.met(figure.ratio()).orElse(null), figure.errors());
        }
    }

    private Report() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length >= 1 && args[0].equals("table")) {
            System.exit(table(args));
        } else if (args.length == 3 && args[0].equals("compare")) {
            compare(JSON.readTree(Path.of(args[1]).toFile()), JSON.readTree(Path.of(args[2]).toFile()));
        } else {
            System.err.println("usage: Report table [--check BENCHES] [--json FILE --commit C] | Report compare A.json B.json");
            System.exit(2);
        }
    }

    private static int table(String[] args) throws IOException {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        Map<String, Figure> figures = new LinkedHashMap<>();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            Figure figure = Figure.parse(line);
            if (figure != null) {
                figures.put(figure.name(), figure);
            }
        }
        List<Row> rows = new ArrayList<>();
        Measure.ALL.stream().filter(m -> figures.containsKey(m.name())).forEach(m -> rows.add(Row.of(figures.remove(m.name()))));
        figures.values().forEach(f -> rows.add(Row.of(f)));
        print(rows);
        if (options.containsKey("--json")) {
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("commit", options.getOrDefault("--commit", "unknown"));
            run.put("taken", Instant.now().toString());
            run.put("sizes", new TreeMap<>(sizes()));
            run.put("measures", rows);
            JSON.writeValue(Path.of(options.get("--json")).toFile(), run);
        }
        return options.containsKey("--check") ? check(rows, List.of(options.get("--check").split(","))) : 0;
    }

    private static void print(List<Row> rows) {
        String format = "%-48s %14s %14s %7s %8s %5s%n";
        System.out.printf(format, "measure", "value", "baseline", "ratio", "target", "met");
        for (Row row : rows) {
            System.out.printf(format, row.description(), amount(row.value(), row.unit()), amount(row.baseline(), row.unit()),
                    String.format(Locale.ROOT, "%.2f", row.ratio()), row.target() == null ? "-" : row.target(),
                    row.met() == null ? "-" : row.met() ? "yes" : "NO");
        }
    }

    /** Every measure of the named benchmarks is there, a positive figure beside a positive baseline, error-free. */
    private static int check(List<Row> rows, List<String> benches) {
        List<String> problems = new ArrayList<>();
        for (Measure measure : Measure.ALL) {
            if (!benches.contains(measure.bench())) {
                continue;
            }
            Row row = rows.stream().filter(r -> r.name().equals(measure.name())).findFirst().orElse(null);
            if (row == null) {
                problems.add(measure.name() + ": not printed by bin/crm bench " + measure.bench());
            } else if (!(row.value() > 0) || !(row.baseline() > 0) || Double.isInfinite(row.ratio())) {
                problems.add(measure.name() + ": value " + row.value() + ", baseline " + row.baseline());
            } else if (row.errors() > 0) {
                problems.add(measure.name() + ": " + row.errors() + " errors");
            }
        }
        problems.forEach(p -> System.out.println("FAILED " + p));
        System.out.println(problems.isEmpty() ? "Every measure of " + String.join(", ", benches) + " was printed."
                : problems.size() + " measure(s) missing or wrong.");
        return problems.isEmpty() ? 0 : 1;
    }

    private static void compare(JsonNode a, JsonNode b) {
        System.out.printf("A: %s, %s, %s%nB: %s, %s, %s%n", a.path("commit").asText(), a.path("taken").asText(),
                a.path("sizes"), b.path("commit").asText(), b.path("taken").asText(), b.path("sizes"));
        Map<String, JsonNode[]> byName = new LinkedHashMap<>();
        a.path("measures").forEach(m -> byName.computeIfAbsent(m.path("name").asText(), k -> new JsonNode[2])[0] = m);
        b.path("measures").forEach(m -> byName.computeIfAbsent(m.path("name").asText(), k -> new JsonNode[2])[1] = m);
        String format = "%-48s %14s %14s %7s | %14s %14s %7s | %8s %8s%n";
        System.out.printf(format, "measure", "A value", "A baseline", "A ratio", "B value", "B baseline", "B ratio",
                "change", "target");
        for (JsonNode[] pair : byName.values()) {
            JsonNode any = pair[0] != null ? pair[0] : pair[1];
            String change = pair[0] == null || pair[1] == null ? "-" : String.format(Locale.ROOT, "%+.1f%%",
                    100 * (pair[1].path("ratio").asDouble() / pair[0].path("ratio").asDouble() - 1));
            System.out.printf(format, any.path("description").asText(), side(pair[0], "value"), side(pair[0], "baseline"),
                    ratio(pair[0]), side(pair[1], "value"), side(pair[1], "baseline"), ratio(pair[1]), change,
                    any.path("target").isNull() ? "-" : any.path("target").asText());
        }
    }

    private static String side(JsonNode measure, String field) {
        return measure == null ? "-" : amount(measure.path(field).asDouble(), measure.path("unit").asText());
    }

    private static String ratio(JsonNode measure) {
        return measure == null ? "-" : String.format(Locale.ROOT, "%.2f", measure.path("ratio").asDouble());
    }

    private static String amount(double value, String unit) {
        String number = switch (unit) {
            case "ms" -> String.format(Locale.ROOT, "%.2f", value);
            case "s" -> String.format(Locale.ROOT, "%.3f", value);
            default -> String.format(Locale.ROOT, "%,.0f", value);
        };
        return number + " " + unit;
    }

    /** The BENCH_* settings of the run: a tiny run is not compared with a full one unawares. */
    private static Map<String, String> sizes() {
        Map<String, String> sizes = new LinkedHashMap<>();
        System.getenv().forEach((k, v) -> {
            if (k.startsWith("BENCH_")) {
                sizes.put(k, v);
            }
        });
        return sizes;
    }
}
