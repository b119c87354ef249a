package crm.experience.domain;

/**
 * Whose visits a journey curve covers. A visit is RETURNING when its customer bought before it or
 * had an earlier visit logged here, otherwise NEW; anonymous visits belong to neither and count in ALL only.
 */
public enum Cohort {
    NEW, RETURNING, ALL
}
