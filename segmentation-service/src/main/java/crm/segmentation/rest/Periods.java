package crm.segmentation.rest;

import crm.rest.ProblemException;
import crm.segmentation.domain.Period;

/** Reads a period parameter, or answers 400 naming the field. */
final class Periods {

    private Periods() {
    }

    static Period parse(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid(field, "is required, e.g. 2026-10 or 2026-Q3");
        }
        return Period.parse(value).orElseThrow(() ->
                ProblemException.invalid(field, "must be a month (2026-10) or a quarter (2026-Q3)"));
    }
}
