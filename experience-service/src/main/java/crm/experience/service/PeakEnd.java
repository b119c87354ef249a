package crm.experience.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The peak-end rule (DOMAIN.md §3): a visit is remembered by its most intense moment and its end.
 * Peak = the score with the largest absolute value; of equals the negative one, then the later one.
 * End = the last score. Remembered = (peak + end) / 2, exact to one decimal; mean to two (half up).
 */
public final class PeakEnd {

    /**
     * The same ranking in SQL, for entry {@code e} (score, position): the entry with the largest key is the
     * peak, and the key also tells the peak's score. Positions stay below 1000 (a journey has at most 100
     * touch points). Decode with {@link #SQL_PEAK_POSITION} and {@link #SQL_PEAK_SCORE}.
     */
    public static final String SQL_PEAK_KEY =
            "((abs(e.score) * 2 + CASE WHEN e.score < 0 THEN 1 ELSE 0 END) * 1000 + e.position)";
    /** The peak's position, from a peak key named {@code peak_key}. */
    public static final String SQL_PEAK_POSITION = "(peak_key % 1000)";
    /** The peak's score, from a peak key named {@code peak_key}. */
    public static final String SQL_PEAK_SCORE =
            "((peak_key / 2000) * CASE WHEN (peak_key / 1000) % 2 = 1 THEN -1 ELSE 1 END)";

    private PeakEnd() {
    }

    public record Result(int peakIndex, int endIndex, int peak, int end, BigDecimal remembered, BigDecimal mean,
            int min) {
    }

    /** The rule over a visit's scores in touch-point order (at least one). */
    public static Result of(List<Integer> scores) {
        if (scores.isEmpty()) {
            throw new IllegalArgumentException("A visit has at least one score");
        }
        int peakIndex = 0;
        for (int i = 1; i < scores.size(); i++) {
            if (key(scores.get(i), i) > key(scores.get(peakIndex), peakIndex)) {
                peakIndex = i;
            }
        }
        int endIndex = scores.size() - 1;
        int peak = scores.get(peakIndex);
        int end = scores.get(endIndex);
        int sum = scores.stream().mapToInt(Integer::intValue).sum();
        return new Result(peakIndex, endIndex, peak, end,
                BigDecimal.valueOf(peak + end).divide(BigDecimal.valueOf(2), 1, RoundingMode.UNNECESSARY),
                Figures.mean(sum, scores.size()),
                scores.stream().mapToInt(Integer::intValue).min().orElseThrow());
    }

    /** What {@link #SQL_PEAK_KEY} computes: intensity first, then negative before positive, then later. */
    static int key(int score, int position) {
        return (Math.abs(score) * 2 + (score < 0 ? 1 : 0)) * 1000 + position;
    }
}
