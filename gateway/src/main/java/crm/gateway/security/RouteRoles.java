package crm.gateway.security;

import static crm.rest.Roles.ACCOUNT_MANAGER;
import static crm.rest.Roles.ADMIN;
import static crm.rest.Roles.ANALYST;
import static crm.rest.Roles.FRONT_DESK;
import static crm.rest.Roles.POS;
import static crm.rest.Roles.PRIVACY_OFFICER;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who may call what: every route of the API and the roles allowed on it, the one table the gateway
 * enforces (the services check the same names on their own routes). The README prints it.
 */
public final class RouteRoles {

    /** A route: method, path template ({@code {name}} stands for one path segment), roles. */
    public record Route(String method, String template, List<String> roles, Pattern path) {

        public boolean allows(Caller caller) {
            return caller.hasAnyOf(roles);
        }

        /** "front-desk or account-manager". */
        public String rolesText() {
            return String.join(" or ", roles);
        }
    }

    private static final Pattern PARAMETER = Pattern.compile("\\{[^}/]+}");
    private static final String[] DESK = {FRONT_DESK, ACCOUNT_MANAGER};

    public static final List<Route> TABLE = List.of(
            // customer-service: who the customer is
            route("POST", "/api/v1/customers", DESK),
            route("GET", "/api/v1/customers", DESK),
            route("GET", "/api/v1/customers/identify", FRONT_DESK, ACCOUNT_MANAGER, POS),
            route("GET", "/api/v1/customers/birthdays", DESK),
            route("GET", "/api/v1/customers/absent", DESK),
            route("GET", "/api/v1/customers/{id}", DESK),
            route("PATCH", "/api/v1/customers/{id}", DESK),
            route("GET", "/api/v1/customers/{id}/identifiers", DESK),
            route("POST", "/api/v1/customers/{id}/identifiers", DESK),
            route("DELETE", "/api/v1/customers/{id}/identifiers/{kind}/{value}", DESK),
            route("GET", "/api/v1/customers/{id}/preferences", DESK),
            route("PUT", "/api/v1/customers/{id}/preferences/{key}", DESK),
            route("DELETE", "/api/v1/customers/{id}/preferences/{key}", DESK),
            route("GET", "/api/v1/customers/{id}/consents", DESK),
            route("PUT", "/api/v1/customers/{id}/consents/{purpose}", DESK),
            route("GET", "/api/v1/customers/{id}/relationships", DESK),
            route("POST", "/api/v1/customers/{id}/relationships", DESK),
            route("DELETE", "/api/v1/customers/{id}/relationships/{relationshipId}", DESK),
            route("GET", "/api/v1/customers/{id}/network", DESK),
            route("POST", "/api/v1/customers/{id}/merge", PRIVACY_OFFICER),
            route("GET", "/api/v1/customers/{id}/export", PRIVACY_OFFICER),
            route("GET", "/api/v1/customers/{id}/export-section", PRIVACY_OFFICER),
            route("GET", "/api/v1/customers/{id}/erasure", PRIVACY_OFFICER),
            route("GET", "/api/v1/erasures/{id}", PRIVACY_OFFICER),
            route("POST", "/api/v1/customers/{id}/erasure", PRIVACY_OFFICER),
            route("GET", "/api/v1/customers/card-section", DESK),
            route("GET", "/api/v1/customers/{id}/card-section", DESK),
            route("GET", "/api/v1/customers/{id}/card", DESK),
            route("GET", "/api/v1/card", DESK),
            route("GET", "/api/v1/customers/admin/events/failed", ADMIN),
            route("POST", "/api/v1/customers/admin/events/failed/{id}/replay", ADMIN),
            route("GET", "/api/v1/customers/admin/events/refused", ADMIN),
            route("POST", "/api/v1/customers/admin/events/refused/{id}/replay", ADMIN),
            // segmentation-service: what the customer is worth
            route("POST", "/api/v1/transactions", POS),
            route("POST", "/api/v1/transactions/batch", POS),
            route("GET", "/api/v1/transactions", DESK),
            route("GET", "/api/v1/transactions/unmatched", ADMIN, ANALYST),
            route("GET", "/api/v1/segments/customers/{id}", DESK),
            route("GET", "/api/v1/segments/customers/{id}/card-section", DESK),
            route("GET", "/api/v1/segments/customers/{id}/export", PRIVACY_OFFICER),
            route("GET", "/api/v1/segments/customers/{id}/erasure", PRIVACY_OFFICER),
            route("PUT", "/api/v1/segments/customers/{id}/wallet", ACCOUNT_MANAGER),
            route("PUT", "/api/v1/segments/customers/{id}/assessment", ACCOUNT_MANAGER),
            route("GET", "/api/v1/segments/pyramid", ANALYST),
            route("GET", "/api/v1/segments/mobility", ANALYST),
            route("GET", "/api/v1/segments/strategies", ANALYST),
            route("GET", "/api/v1/segments/changes", ANALYST),
            route("POST", "/api/v1/segments/periods", ADMIN),
            route("GET", "/api/v1/segments/periods", ADMIN, ANALYST),
            route("GET", "/api/v1/segments/admin/events/failed", ADMIN),
            route("POST", "/api/v1/segments/admin/events/failed/{id}/replay", ADMIN),
            route("GET", "/api/v1/segments/admin/events/refused", ADMIN),
            route("POST", "/api/v1/segments/admin/events/refused/{id}/replay", ADMIN),
            // experience-service: how the customer feels
            route("POST", "/api/v1/experience/journeys", ADMIN),
            route("GET", "/api/v1/experience/journeys", ADMIN, FRONT_DESK, ACCOUNT_MANAGER, POS, ANALYST),
            route("GET", "/api/v1/experience/journeys/{code}", ADMIN, FRONT_DESK, ACCOUNT_MANAGER, POS, ANALYST),
            route("PUT", "/api/v1/experience/journeys/{code}", ADMIN),
            route("GET", "/api/v1/experience/journeys/{code}/curve", ANALYST),
            route("GET", "/api/v1/experience/journeys/{code}/moments-of-truth", ANALYST),
            route("POST", "/api/v1/experience/logs", FRONT_DESK, ACCOUNT_MANAGER, POS),
            route("GET", "/api/v1/experience/visits/{visitId}/curve", DESK),
            route("POST", "/api/v1/experience/surveys", ADMIN),
            route("GET", "/api/v1/experience/surveys/{id}", ADMIN, FRONT_DESK, ACCOUNT_MANAGER, ANALYST),
            route("GET", "/api/v1/experience/surveys/{id}/eligibility", DESK),
            route("POST", "/api/v1/experience/surveys/{id}/responses", DESK),
            route("GET", "/api/v1/experience/surveys/{id}/responses/{responseId}", DESK),
            route("GET", "/api/v1/experience/surveys/{id}/results", ANALYST),
            route("POST", "/api/v1/experience/complaints", DESK),
            route("GET", "/api/v1/experience/complaints", DESK),
            route("GET", "/api/v1/experience/complaints/{id}", DESK),
            route("POST", "/api/v1/experience/complaints/{id}/transitions", DESK),
            route("GET", "/api/v1/experience/customers/{id}", DESK),
            route("GET", "/api/v1/experience/customers/{id}/card-section", DESK),
            route("GET", "/api/v1/experience/customers/{id}/export", PRIVACY_OFFICER),
            route("GET", "/api/v1/experience/customers/{id}/erasure", PRIVACY_OFFICER),
            route("GET", "/api/v1/experience/negative-experience-cost", ANALYST),
            route("GET", "/api/v1/experience/admin/events/failed", ADMIN),
            route("POST", "/api/v1/experience/admin/events/failed/{id}/replay", ADMIN),
            route("GET", "/api/v1/experience/admin/events/refused", ADMIN),
            route("POST", "/api/v1/experience/admin/events/refused/{id}/replay", ADMIN),
            // the gateway itself
            route("POST", "/api/v1/admin/api-keys", ADMIN),
            route("GET", "/api/v1/admin/api-keys", ADMIN),
            route("GET", "/api/v1/admin/api-keys/{id}", ADMIN),
            route("DELETE", "/api/v1/admin/api-keys/{id}", ADMIN));

    /** Literal paths before templates, so {@code /customers/identify} is never taken for {@code /customers/{id}}. */
    private static final List<Route> MATCH_ORDER = TABLE.stream()
            .sorted(Comparator.comparingLong(r -> r.template().chars().filter(ch -> ch == '{').count()))
            .toList();

    private RouteRoles() {
    }

    /** The route of a request, or a 404 or 405 refusal. */
    public static Route match(String method, String path) {
        boolean pathKnown = false;
        for (Route route : MATCH_ORDER) {
            if (route.path().matcher(path).matches()) {
                if (route.method().equals(method)) {
                    return route;
                }
                pathKnown = true;
            }
        }
        if (pathKnown) {
            throw new Refusal.WrongMethod(method + " is not allowed on " + path);
        }
        throw new Refusal.NoRoute("No route of the API is " + path);
    }

    private static Route route(String method, String template, String... roles) {
        StringBuilder regex = new StringBuilder();
        Matcher parameter = PARAMETER.matcher(template);
        int at = 0;
        while (parameter.find()) {
            regex.append(Pattern.quote(template.substring(at, parameter.start()))).append("[^/]+");
            at = parameter.end();
        }
        regex.append(Pattern.quote(template.substring(at))).append("/?");
        return new Route(method, template, List.of(roles), Pattern.compile(regex.toString()));
    }
}
