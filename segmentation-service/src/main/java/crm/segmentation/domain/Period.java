package crm.segmentation.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** A month ({@code 2026-10}) or a quarter ({@code 2026-Q3}), the unit the pyramid is closed for. */
public record Period(String name, LocalDate firstDay, LocalDate dayAfter) {
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    public static Optional<Period> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher month = MONTH.matcher(text.strip());
        if (month.matches()) {
            return Optional.of(month(YearMonth.of(Integer.parseInt(month.group(1)), Integer.parseInt(month.group(2)))));
        }
        Matcher quarter = QUARTER.matcher(text.strip());
        if (quarter.matches()) {
            return Optional.of(quarter(Integer.parseInt(quarter.group(1)), Integer.parseInt(quarter.group(2))));
        }
        return Optional.empty();
    }

    public static Period month(YearMonth month) {
        return new Period(month.toString(), month.atDay(1), month.plusMonths(1).atDay(1));
    }

    public static Period quarter(int year, int quarter) {
        LocalDate first = LocalDate.of(year, 3 * quarter - 2, 1);
        return new Period(year + "-Q" + quarter, first, first.plusMonths(3));
    }

    /** The month a moment falls in, in the business's time zone. */
    public static Period monthOf(Instant at, ZoneId zone) {
        return month(YearMonth.from(at.atZone(zone)));
    }

    /** The months the period is made of: a month is its own. */
    public List<Period> months() {
        return Stream.iterate(YearMonth.from(firstDay), m -> m.plusMonths(1)).limit(isQuarter() ? 3 : 1)
                .map(Period::month).toList();
    }

    public boolean isQuarter() {
        return name.contains("Q");
    }

    public Instant start(ZoneId zone) {
        return firstDay.atStartOfDay(zone).toInstant();
    }

    public Instant end(ZoneId zone) {
        return dayAfter.atStartOfDay(zone).toInstant();
    }

    /** Whether the period is over at {@code now} in the business's time zone: its last day has passed there. */
    public boolean hasEndedAt(Instant now, ZoneId zone) {
        return !now.isBefore(end(zone));
    }
}
