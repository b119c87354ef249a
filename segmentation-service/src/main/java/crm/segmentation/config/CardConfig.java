package crm.segmentation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The next best actions segmentation proposes on the front-desk card (prefix {@code crm.card}):
 * their priorities (0-100, higher first on the card) and thresholds.
 */
@ConfigMapping(prefix = "crm.card")
public interface CardConfig {

    WinBack winBack();

    Develop develop();

    Delight delight();

    /** WIN_BACK: the level dropped at the last close, or a top customer has not bought since it. */
    interface WinBack {
        /** Priority of WIN_BACK. */
        @WithDefault("70")
        @Min(0)
        @Max(100)
        int priority();

        /**
         * How many of the pyramid's most valuable levels are top levels, whose customers are won back
         * when they have bought nothing since the period of the last close ended (2: TOP and BIG).
         */
        @WithDefault("2")
        @Min(1)
        int topLevels();
    }

    /** DEVELOP: the customer is in the RAD grid's Develop cell (low share of a large wallet). */
    interface Develop {
        /** Priority of DEVELOP (a marketing offer). */
        @WithDefault("40")
        @Min(0)
        @Max(100)
        int priority();
    }

    /** DELIGHT: a repeat buyer who is not delighted (the loyalty grid's TRANSACTIONAL cell). */
    interface Delight {
        /** Priority of DELIGHT. */
        @WithDefault("50")
        @Min(0)
        @Max(100)
        int priority();
    }
}
