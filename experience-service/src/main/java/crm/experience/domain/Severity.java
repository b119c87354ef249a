package crm.experience.domain;

/** How bad a complaint is; it sets the response deadline. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL
}
