package crm.segmentation.rest;

import crm.rest.CallerToken;
import crm.rest.Problem;
import crm.rest.ProblemException;
import crm.segmentation.service.RecordTransaction;
import jakarta.json.JsonString;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A caller whose token names a source ({@code crm_source}: the till or integration a pos key is bound
 * to) records only that source's transactions; one whose token names none records any. A request
 * with another source is refused whole, before anything is written: 403 naming each such
 * {@code source}. A missing source is left to validation (400).
 */
final class BoundSource {
    private BoundSource() {
    }

    /** The source the caller's token binds them to; null when it binds them to none. */
    static String of(JsonWebToken token) {
        Object claim = token.getClaim(CallerToken.SOURCE_CLAIM);
        return claim instanceof JsonString text ? text.getString() : claim == null ? null : claim.toString();
    }

    /** {@code field}: how the source of the request at an index is named, e.g. transactions[2].source. */
    static void check(String bound, List<RecordTransaction> requests, IntFunction<String> field) {
        if (bound == null) {
            return;
        }
        String message = "must be " + bound + ", the source this caller is bound to";
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            RecordTransaction request = requests.get(i);
            if (request != null && request.source() != null && !request.source().strip().equals(bound)) {
                errors.add(new Problem.FieldError(field.apply(i), message));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Response.Status.FORBIDDEN, errors.get(0).field() + ": " + message, errors);
        }
    }
}
