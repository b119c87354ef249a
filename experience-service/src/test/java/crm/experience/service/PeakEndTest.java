package crm.experience.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeakEndTest {

    @Test
    void aNegativePeakAndAPleasantEndAreRememberedAsTheirMean() {
        PeakEnd.Result r = PeakEnd.of(List.of(2, 0, 1, -3, -1, 2));
        assertEquals(3, r.peakIndex());
        assertEquals(-3, r.peak());
        assertEquals(5, r.endIndex());
        assertEquals(2, r.end());
        assertEquals(new BigDecimal("-0.5"), r.remembered());
        assertEquals(new BigDecimal("0.17"), r.mean());
        assertEquals(-3, r.min());
    }

    @Test
    void ofEquallyIntenseScoresTheNegativeOneIsThePeak() {
        assertEquals(1, PeakEnd.of(List.of(3, -3)).peakIndex());
        assertEquals(0, PeakEnd.of(List.of(-3, 1, 3)).peakIndex());
        assertEquals(new BigDecimal("0.0"), PeakEnd.of(List.of(-3, 1, 3)).remembered());
    }

    @Test
    void ofEquallyIntenseScoresOfOneSignTheLaterOneIsThePeak() {
        assertEquals(2, PeakEnd.of(List.of(-2, 1, -2, 0)).peakIndex());
        assertEquals(1, PeakEnd.of(List.of(2, 2, 1)).peakIndex());
        PeakEnd.Result neutral = PeakEnd.of(List.of(0, 0));
        assertEquals(1, neutral.peakIndex());
        assertEquals(0, neutral.peak());
    }

    @Test
    void aSingleScoreIsPeakAndEnd() {
        PeakEnd.Result r = PeakEnd.of(List.of(-1));
        assertEquals(0, r.peakIndex());
        assertEquals(0, r.endIndex());
        assertEquals(new BigDecimal("-1.0"), r.remembered());
    }

    @Test
    void theMeanIsRoundedHalfUpToTwoDecimals() {
        assertEquals(new BigDecimal("0.67"), PeakEnd.of(List.of(1, 1, 0)).mean());
        assertEquals(new BigDecimal("-0.67"), PeakEnd.of(List.of(-1, -1, 0)).mean());
        assertEquals(new BigDecimal("-1.50"), PeakEnd.of(List.of(-3, 0)).mean());
    }

    @Test
    void theSqlKeyRanksAsTheRule() {
        assertTrue(PeakEnd.key(-3, 0) > PeakEnd.key(3, 5));
        assertTrue(PeakEnd.key(2, 7) > PeakEnd.key(2, 6));
        assertTrue(PeakEnd.key(1, 0) > PeakEnd.key(0, 99));
        assertThrows(IllegalArgumentException.class, () -> PeakEnd.of(List.of()));
    }
}
