package crm.experience.domain;

/** What a question asks for: a level on a 1..5 scale, a 0..10 rating (NPS), yes or no, or one of its options. */
public enum QuestionType {
    SCALE_1_5, SCALE_0_10, YES_NO, SINGLE_CHOICE
}
