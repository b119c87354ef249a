package crm.experience.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Voice of the customer (prefix {@code crm.experience.survey}). */
@ConfigMapping(prefix = "crm.experience.survey")
public interface SurveyConfig {

    /** After answering any survey, a customer is not asked again for this long (ISO-8601, e.g. P30D). */
    @WithDefault("P30D")
    Duration quietPeriod();
}
