package crm.experience.domain;

/** What service recovery achieved, recorded when a complaint is closed. */
public enum Outcome {
    RECOVERED, AT_RISK, LOST
}
