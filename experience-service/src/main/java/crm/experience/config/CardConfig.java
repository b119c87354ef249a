package crm.experience.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;

/** The front-desk card's rules for what experience-service knows: when each applies and how it ranks (0-100). */
@ConfigMapping(prefix = "crm.card")
public interface CardConfig {

    /** An open complaint (anything before CLOSED): apologise first and name its owner. */
    Apologise apologise();

    /** The last visit was remembered badly and no open complaint already brings an apology. */
    ApologiseLastVisit apologiseLastVisit();

    /** The survey may be asked at payment. */
    AskSurvey askSurvey();

    interface Apologise {
        /** Rank of the apology for an open complaint within its response deadline. */
        @WithDefault("90")
        int priority();

        /** Rank of the apology for a complaint past its response deadline. */
        @WithDefault("95")
        int overduePriority();
    }

    interface ApologiseLastVisit {
        /** Rank of the apology for a bad last visit. */
        @WithDefault("85")
        int priority();

        /** A remembered score (peak-end, −3 to +3) at or below this is a bad visit. */
        @WithDefault("-1")
        BigDecimal rememberedAtMost();
    }

    interface AskSurvey {
        /** Rank of asking the survey: after anything that serves the guest. */
        @WithDefault("20")
        int priority();
    }
}
