package crm.experience.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;

/**
 * The cost of negative experiences (prefix {@code crm.experience.cost}): the rates used where
 * this service has too little data of its own, and how much data is enough to measure one.
 * The defaults are DOMAIN.md's worked example.
 */
@ConfigMapping(prefix = "crm.experience.cost")
public interface CostConfig {

    Defaults defaults();

    /** Customers with a satisfaction answer in the period needed to measure the bad-experience rate. */
    @WithDefault("100")
    int minSurveyedCustomers();

    /** Unhappy surveyed customers needed to measure the complaint rate among them. */
    @WithDefault("20")
    int minUnhappyCustomers();

    /** Complaints closed in the period needed to measure complainers' outcomes. */
    @WithDefault("30")
    int minClosedComplaints();

    /** Fractions: 0.22 = 22%. */
    interface Defaults {
        /** b: share of customers who have a bad experience. */
        @WithDefault("0.22")
        BigDecimal badExperienceRate();

        /** c: share of the unhappy who complain. */
        @WithDefault("0.02")
        BigDecimal complaintRate();

        @WithDefault("0.28")
        BigDecimal complainersLost();

        @WithDefault("0.38")
        BigDecimal complainersRecovered();

        @WithDefault("0.34")
        BigDecimal complainersAtRisk();

        /** Ls: the silent unhappy are never heard, so this is never measured. */
        @WithDefault("0.45")
        BigDecimal silentLost();

        @WithDefault("0.55")
        BigDecimal silentAtRisk();
    }
}
