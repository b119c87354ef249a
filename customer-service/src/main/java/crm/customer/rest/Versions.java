package crm.customer.rest;

import crm.rest.ProblemException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

/** The customer's version as its ETag, and the If-Match a write must carry. */
final class Versions {

    private Versions() {
    }

    static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version in {@code If-Match}: 428 if it is missing, 400 if it is not a version. */
    static long ifMatch(String header) {
        if (header == null || header.isBlank()) {
            throw new ProblemException(Response.Status.PRECONDITION_REQUIRED,
                    "If-Match is required: send the ETag of the customer you read");
        }
        String tag = header.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("If-Match", "must be the ETag of the customer, e.g. \"3\"");
        }
    }
}
