package crm.experience.domain;

/**
 * What the results read a question as; a survey has at most one question per role. Expectation
 * and experience together give the satisfaction gap (experience − expectation).
 */
public enum QuestionRole {
    SATISFACTION(QuestionType.SCALE_1_5),
    EXPECTATION(QuestionType.SCALE_1_5),
    EXPERIENCE(QuestionType.SCALE_1_5),
    NPS(QuestionType.SCALE_0_10);

    /** The only type a question in this role may have. */
    public final QuestionType type;

    QuestionRole(QuestionType type) {
        this.type = type;
    }
}
