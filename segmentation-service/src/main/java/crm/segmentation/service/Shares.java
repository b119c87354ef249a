package crm.segmentation.service;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Shares as fractions with four decimals (0.2500 = 25%), null when the whole is zero. */
final class Shares {

    private Shares() {
    }

    static BigDecimal of(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null : part.divide(whole, 4, RoundingMode.HALF_UP);
    }
}
