package crm.customer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "crm.customer")
public interface CustomerConfig {

    /** ISO 3166 region for phone numbers typed without a country code, as the guest says them. */
    @WithDefault("CN")
    String defaultPhoneRegion();
}
