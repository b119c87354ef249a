package crm.segmentation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.ZoneId;
import java.util.List;

/** How value is measured and the pyramid cut (prefix {@code crm.segmentation}). */
@ConfigMapping(prefix = "crm.segmentation")
public interface SegmentationConfig {

    /** The business's time zone: which month and quarter a sale falls in. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /**
     * The visit attributes TransactionRecorded carries (customer-service learns the usual seat from them);
     * the others may be free text and stay in the ledger.
     */
    @WithDefault("seat,table,room")
    java.util.Set<String> eventAttributes();

    /** ISO 4217 currencies the ledger keeps; amounts of different currencies are never added up. */
    @WithDefault("CNY")
    List<String> currencies();

    /** Most transactions in one batch request. */
    @WithDefault("1000")
    int maxBatch();

    @WithDefault("100")
    int maxPageSize();

    /**
     * Threads that write single transaction requests, each taking the requests waiting (up to
     * maxBatch) as one set. One suits a database of two cores: fewer, larger sets; with more
     * cores, more writers write sets side by side.
     */
    @WithDefault("1")
    @Min(1)
    int ingestWriters();

    /** RFM looks at this many months up to the end of the period. */
    @WithDefault("24")
    int rfmWindowMonths();

    /** Simple lifetime value CLV = m·r/(1+i−r): r, the yearly retention rate. */
    @WithDefault("0.8")
    java.math.BigDecimal retentionRate();

    /** Strategy grids: levels within this cumulative share of active customers are of high value. */
    @WithDefault("5")
    int highValuePercent();

    /** ... and within this one, of medium value (the rest: low). */
    @WithDefault("20")
    int mediumValuePercent();

    /** RAD grid: share of wallet at or above which a customer is retained. */
    @WithDefault("0.5")
    java.math.BigDecimal retainShareOfWallet();

    /**
     * A recompute waits this long for the events of the period's previous close to go out (they are
     * read from the levels the recompute rewrites), then answers 409.
     */
    @WithDefault("30s")
    java.time.Duration recomputeWait();

    /**
     * A customer known from sales whom customer-service has not confirmed (CustomerRegistered or a merge) for
     * this long is listed by GET /api/v1/transactions/unmatched: a till may be sending wrong ids.
     */
    @WithDefault("24h")
    java.time.Duration unconfirmedAfter();

    /** i, the yearly discount rate. */
    @WithDefault("0.10")
    java.math.BigDecimal discountRate();
}
