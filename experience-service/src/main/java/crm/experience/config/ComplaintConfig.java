package crm.experience.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Complaints and service recovery (prefix {@code crm.experience.complaint}). */
@ConfigMapping(prefix = "crm.experience.complaint")
public interface ComplaintConfig {

    /** How soon a complaint must be acknowledged, by severity; later it is overdue. */
    ResponseDeadline responseDeadline();

    /** The largest page a list may ask for. */
    @WithDefault("100")
    int maxPageSize();

    interface ResponseDeadline {
        @WithDefault("PT4H")
        Duration critical();

        @WithDefault("PT24H")
        Duration high();

        @WithDefault("PT48H")
        Duration medium();

        @WithDefault("PT72H")
        Duration low();
    }
}
