package crm.events.experience;

import crm.events.EventType;
import crm.events.Topics;

/** Events on {@code crm.experience.v2}, published by experience-service. */
public final class ExperienceEvents {
    public static final EventType<ExperienceLogged> LOGGED =
            EventType.of("ExperienceLogged", Topics.EXPERIENCE, ExperienceLogged.class);
    public static final EventType<SurveyAnswered> SURVEY_ANSWERED =
            EventType.of("SurveyAnswered", Topics.EXPERIENCE, SurveyAnswered.class);
    public static final EventType<ComplaintOpened> COMPLAINT_OPENED =
            EventType.of("ComplaintOpened", Topics.EXPERIENCE, ComplaintOpened.class);
    public static final EventType<ComplaintResolved> COMPLAINT_RESOLVED =
            EventType.of("ComplaintResolved", Topics.EXPERIENCE, ComplaintResolved.class);

    private ExperienceEvents() {
    }
}
