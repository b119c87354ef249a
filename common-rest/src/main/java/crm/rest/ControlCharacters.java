package crm.rest;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Text holding a control character other than tab, line feed and carriage return is bad input, in a JSON
 * body ({@link StrictJson}) as in a query or path parameter (sent as %01, say): PostgreSQL can neither store
 * nor compare U+0000, and the others are no part of a name, a note or a code, only of an attack on whoever
 * prints them later (a log, a terminal, a CSV export).
 */
public class ControlCharacters {
    /** What a field holding one is told. */
    public static final String MESSAGE =
            "must not contain a control character (U+0000 to U+001F other than tab, line feed and carriage return, or U+007F)";

    public static boolean in(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    @ServerRequestFilter
    public void refuse(UriInfo uri) {
        check(uri.getPathParameters());
        check(uri.getQueryParameters());
    }

    private static void check(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                if (in(value)) {
                    throw ProblemException.invalid(parameter.getKey(), MESSAGE);
                }
            }
        }
    }
}
