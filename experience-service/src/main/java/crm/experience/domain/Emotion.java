package crm.experience.domain;

import java.util.Arrays;

/** The seven-step emotion scale of experience logs (DOMAIN.md §3). */
public enum Emotion {
    TERRIBLE(-3, "terrible", "糟糕"),
    POOR(-2, "poor", "差"),
    INEFFECTIVE(-1, "ineffective", "无效"),
    NEUTRAL(0, "neutral", "一般"),
    SATISFIED(1, "satisfied", "满意"),
    COMFORTABLE(2, "comfortable", "舒服"),
    DELIGHTED(3, "delighted", "喜悦");

    public static final int MIN = -3;
    public static final int MAX = 3;

    public final int score;
    public final String label;
    public final String labelZh;

    Emotion(int score, String label, String labelZh) {
        this.score = score;
        this.label = label;
        this.labelZh = labelZh;
    }

    public static Emotion of(int score) {
        return Arrays.stream(values()).filter(e -> e.score == score).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No emotion " + score));
    }
}
