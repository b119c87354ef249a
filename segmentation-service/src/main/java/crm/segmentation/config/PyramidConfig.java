package crm.segmentation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * The pyramid scheme (prefix {@code crm.segmentation.pyramid}): active customers are ranked by
 * the metric and cut into levels, most valuable first, each taking a percentage of them.
 * The default is TOP 1 / BIG 4 / MEDIUM 15 / SMALL 80 by revenue.
 */
@ConfigMapping(prefix = "crm.segmentation.pyramid")
public interface PyramidConfig {

    @WithDefault("REVENUE")
    Metric metric();

    /** NAME:PERCENT, most valuable first; the percentages add up to 100. */
    @WithDefault("TOP:1,BIG:4,MEDIUM:15,SMALL:80")
    List<String> levels();

    /**
     * Where customers with margin ≤ 0 go: unset, they are ranked like everyone else; the name of
     * the lowest level forces them there; any other name is a level of its own below the ranked ones
     * (a profitability scheme's LEAD).
     */
    Optional<String> nonPositiveMarginLevel();

    enum Metric {
        REVENUE, MARGIN
    }
}
