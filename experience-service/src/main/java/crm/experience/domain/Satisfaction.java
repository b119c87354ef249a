package crm.experience.domain;

/**
 * The satisfaction levels of the 1..5 scale (DOMAIN.md §3): only 5s are reliably loyal, 1s and 2s
 * are unhappy and open a complaint (closed loop).
 */
public final class Satisfaction {
    /** Levels up to this one are unhappy customers. */
    public static final int UNHAPPY_MAX = 2;

    private static final String[] LABELS = {"outraged", "unhappy", "satisfied", "pleased", "dazzled"};

    private Satisfaction() {
    }

    public static String label(int level) {
        return LABELS[level - 1];
    }

    public static boolean unhappy(int level) {
        return level <= UNHAPPY_MAX;
    }
}
