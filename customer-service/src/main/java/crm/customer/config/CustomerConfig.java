package crm.customer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;

@ConfigMapping(prefix = "crm.customer")
public interface CustomerConfig {

    /** ISO 3166 region for phone numbers typed without a country code, as the guest says them. */
    @WithDefault("CN")
    String defaultPhoneRegion();

    /** The business's time zone: whose "today" birthdays and absences are counted from. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** Observed preferences look at this many of the customer's latest visits. */
    @WithDefault("10")
    int observedVisits();

    /** The usual order lists at most this many items. */
    @WithDefault("3")
    int usualOrderItems();

    /** The largest page a list may ask for. */
    @WithDefault("100")
    int maxPageSize();

    /** The shortest search text (q): a letter or two would match nearly everyone. */
    @WithDefault("2")
    int searchMinLength();

    /** The most customers a network answer holds; one cut there says truncated. */
    @WithDefault("200")
    int networkMaxNodes();
}
