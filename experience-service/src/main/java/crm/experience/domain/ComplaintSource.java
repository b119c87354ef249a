package crm.experience.domain;

/**
 * Who raised a complaint: the customer, or the closed loop on a survey satisfaction level of 1-2
 * or an experience entry of −3. Only CUSTOMER complaints count towards the complaint rate.
 */
public enum ComplaintSource {
    CUSTOMER, SURVEY, EXPERIENCE_LOG
}
