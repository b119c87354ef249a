package crm.rest;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A query or path parameter holding U+0000 (sent as %00) is bad input, as it is in a JSON body
 * ({@link StrictJson}): PostgreSQL can neither store nor compare such text.
 */
public class NulParameters {

    @ServerRequestFilter
    public void refuse(UriInfo uri) {
        check(uri.getPathParameters());
        check(uri.getQueryParameters());
    }

    private static void check(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                if (value != null && value.indexOf('\0') >= 0) {
                    throw ProblemException.invalid(parameter.getKey(), StrictJson.NUL_MESSAGE);
                }
            }
        }
    }
}
