package crm.testing;

import crm.rest.Roles;
import io.quarkus.test.junit.callback.QuarkusTestBeforeClassCallback;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Signs a service's tests in: every RestAssured request sent without an Authorization header goes as
 * {@link #NAME}, a member of staff holding all six roles, with a token of {@link IdentityKeys#shared()}.
 * A module opts in by naming this class in
 * {@code src/test/resources/META-INF/services/io.quarkus.test.junit.callback.QuarkusTestBeforeClassCallback};
 * {@link Callers} sends requests as someone else, or as nobody.
 */
public final class StaffToken implements Filter, QuarkusTestBeforeClassCallback {
    /** The caller's name ({@code upn}): what audit fields show for a test's requests. */
    public static final String NAME = "test-staff";

    @Override
    public void beforeClass(Class<?> testClass) {
        synchronized (StaffToken.class) {
            if (RestAssured.filters().stream().noneMatch(StaffToken.class::isInstance)) {
                RestAssured.filters(this);
            }
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
            FilterContext context) {
        if (!request.getHeaders().hasHeaderWithName(Callers.AUTHORIZATION)) {
            request.header(Callers.AUTHORIZATION, Callers.bearer(Token.VALUE));
        }
        return context.next(request, response);
    }

    /** Signed once, on first use. */
    private static final class Token {
        static final String VALUE = IdentityKeys.shared().token(NAME, Roles.ALL);
    }
}
