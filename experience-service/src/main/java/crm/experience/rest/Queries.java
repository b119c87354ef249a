package crm.experience.rest;

import crm.experience.domain.Cohort;
import crm.experience.service.AnalysisScope;
import crm.rest.ProblemException;
import crm.rest.TimeParams;
import java.time.Instant;
import java.util.Arrays;

/** Query parameters of experience read as text and parsed here, so a bad one is a 400 naming it rather than a 404. */
final class Queries {

    private Queries() {
    }

    static int positive(String field, String value) {
        try {
            int number = Integer.parseInt(value.strip());
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalid(field, "must be a whole number of 1 or more");
    }

    static AnalysisScope scope(TimeParams times, String code, String from, String to, String store) {
        Instant start = times.instant("from", from);
        Instant end = times.instant("to", to);
        return new AnalysisScope(code, start, end, store == null || store.isBlank() ? null : store.strip());
    }

    static Cohort cohort(String value) {
        if (value == null || value.isBlank()) {
            return Cohort.ALL;
        }
        try {
            return Cohort.valueOf(value.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cohort", "must be one of " + Arrays.toString(Cohort.values()));
        }
    }
}
