package crm.segmentation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;
import java.util.List;

/** How value is measured and the pyramid cut (prefix {@code crm.segmentation}). */
@ConfigMapping(prefix = "crm.segmentation")
public interface SegmentationConfig {

    /** The business's time zone: which month and quarter a sale falls in. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** ISO 4217 currencies the ledger keeps; amounts of different currencies are never added up. */
    @WithDefault("CNY")
    List<String> currencies();

    /** Most transactions in one batch request. */
    @WithDefault("1000")
    int maxBatch();

    @WithDefault("100")
    int maxPageSize();
}
