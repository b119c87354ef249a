package crm.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import crm.rest.Roles;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Requests sent as a particular caller, or as nobody, instead of as {@link StaffToken#NAME}; and what
 * a service answers a caller it does not let in.
 */
public final class Callers {
    static final String AUTHORIZATION = "Authorization";
    private static final String PROBLEM = "application/problem+json";

    private Callers() {
    }

    /** A caller holding these roles, bound to no source. */
    public static RequestSpecification as(String name, String... roles) {
        return withToken(IdentityKeys.shared().token(name, List.of(roles)));
    }

    /** A caller bound to a till or integration source (the {@code crm_source} claim). */
    public static RequestSpecification asSource(String name, String source, String... roles) {
        return withToken(IdentityKeys.shared().token(name, source, List.of(roles)));
    }

    public static RequestSpecification withToken(String token) {
        return given().header(AUTHORIZATION, bearer(token));
    }

    /** No Authorization header at all. */
    public static RequestSpecification anonymous() {
        return given().noFiltersOfType(StaffToken.class);
    }

    /**
     * The request sent with each token a service must refuse, each with every role (expired, signed by a
     * key it does not trust, for another audience, from another issuer, not a token at all): 401
     * problem+json with the Bearer challenge every time, never a 5xx.
     */
    public static void assertInvalidTokensRefused(Function<RequestSpecification, Response> request) {
        for (String token : invalidTokens()) {
            assertUnauthenticated(request.apply(withToken(token)));
        }
    }

    static List<String> invalidTokens() {
        IdentityKeys keys = IdentityKeys.shared();
        String name = "intruder";
        Instant now = Instant.now();
        return List.of(
                keys.sign(keys.claims(name, null, Roles.ALL).issuedAt(now.minusSeconds(7200)).expiresAt(now.minusSeconds(600))),
                IdentityKeys.generate().token(name, Roles.ALL),
                keys.sign(keys.claims(name, null, Roles.ALL).audience("another-audience")),
                keys.sign(keys.claims(name, null, Roles.ALL).issuer("another-issuer")),
                "not-a-token");
    }

    /** 401 problem+json with the Bearer challenge. */
    public static ValidatableResponse assertUnauthenticated(Response response) {
        return response.then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401));
    }

    /** 403 problem+json whose detail names the roles that would do, e.g. "This needs the role analyst". */
    public static ValidatableResponse assertForbidden(Response response, String detail) {
        return response.then().statusCode(403).contentType(PROBLEM)
                .body("status", equalTo(403))
                .body("detail", equalTo(detail));
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }
}
