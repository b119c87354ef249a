package crm.customer.rest;

import com.fasterxml.jackson.databind.JsonNode;
import crm.customer.domain.Customer;
import crm.customer.domain.CustomerKind;
import crm.customer.domain.CustomerStatus;
import crm.customer.domain.IdentifierKind;
import crm.customer.domain.InfluenceClass;
import crm.customer.service.CustomerProfile;
import crm.customer.service.CustomerQueries;
import crm.customer.service.CustomerSearch;
import crm.customer.service.CustomerService;
import crm.rest.Page;
import crm.rest.ProblemException;
import crm.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Customers", description = "Who the customer is")
public class CustomerResource {
    static final String MERGE_PATCH = "application/merge-patch+json";

    private final CustomerService customers;
    private final CustomerQueries queries;

    public CustomerResource(CustomerService customers, CustomerQueries queries) {
        this.customers = customers;
        this.queries = queries;
    }

    @POST
    @Operation(operationId = "registerCustomer", summary = "Register a customer", description = "Publishes CustomerRegistered on crm.customer.v1.")
    @RequestBody(content = @Content(schema = @Schema(implementation = CustomerProfile.class), examples = @ExampleObject(
            name = "guest", value = """
                {"givenName":"Wei","familyName":"Yu","salutation":"Mr. Yu","phone":"138 0013 8000",
                 "email":"yu.wei@example.com","birthday":"1985-03-14","kind":"CONSUMER","tags":["vip"]}""")))
    @APIResponse(responseCode = "201", description = "Registered; Location names the new customer",
            content = @Content(schema = @Schema(implementation = CustomerResponse.class)))
    @APIResponse(responseCode = "409", description = "Phone or e-mail already identifies another customer, or the Idempotency-Key was used for another registration")
    @APIResponse(responseCode = "200", description = "A retry with the same Idempotency-Key: the customer it registered",
            content = @Content(schema = @Schema(implementation = CustomerResponse.class)))
    @RolesAllowed({Roles.FRONT_DESK, Roles.ACCOUNT_MANAGER})
    public Response register(
            @Parameter(description = "Makes a retried registration safe: the same key registers once")
            @HeaderParam("Idempotency-Key") @Size(min = 1, max = 200) String idempotencyKey,
            @NotNull @Valid CustomerProfile profile) {
        CustomerService.Registration registration = customers.register(profile, idempotencyKey);
        Customer customer = registration.customer();
        // Relative, so it stays right behind the gateway.
        return Response.status(registration.created() ? Response.Status.CREATED : Response.Status.OK)
                .header("Location", "/api/v1/customers/" + customer.id)
                .tag(Versions.etag(customer.version))
                .entity(CustomerResponse.of(customer))
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getCustomer", summary = "Get a customer", description = "A merged customer answers 301 with the survivor in Location.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CustomerResponse.class)))
    @APIResponse(responseCode = "301", description = "Merged: Location names the surviving record")
    @APIResponse(responseCode = "410", description = "Erased")
    @RolesAllowed({Roles.FRONT_DESK, Roles.ACCOUNT_MANAGER})
    public Response get(@PathParam("id") UUID id) {
        Customer customer = customers.get(id);
        Response.ResponseBuilder response = customer.status == CustomerStatus.MERGED
                ? Response.status(Response.Status.MOVED_PERMANENTLY)
                        .header("Location", "/api/v1/customers/" + customer.mergedInto)
                : Response.ok();
        return response.tag(Versions.etag(customer.version)).entity(CustomerResponse.of(customer)).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateCustomer", summary = "Change a customer (JSON Merge Patch)", description = """
            Members replace the profile's, null clears one. If-Match must carry the ETag of the version
            the change is based on. Publishes CustomerUpdated with the names of the changed fields.""")
    @RequestBody(content = @Content(mediaType = MERGE_PATCH, schema = @Schema(implementation = CustomerProfile.class),
            examples = @ExampleObject(name = "new salutation", value = "{\"salutation\":\"Dr. Yu\",\"language\":\"en\"}")))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CustomerResponse.class)))
    @APIResponse(responseCode = "412", description = "The customer changed since it was read")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    @RolesAllowed({Roles.FRONT_DESK, Roles.ACCOUNT_MANAGER})
    public Response patch(@PathParam("id") UUID id,
            @Parameter(description = "ETag of the version read, e.g. \"3\"") @HeaderParam("If-Match") String ifMatch,
            @NotNull JsonNode patch) {
        Customer customer = customers.update(id, Versions.ifMatch(ifMatch), patch);
        return Response.ok(CustomerResponse.of(customer)).tag(Versions.etag(customer.version)).build();
    }

    @GET
    @Operation(operationId = "searchCustomers", summary = "List and search customers", description = """
            q is fuzzy on names and company, and finds them by any part of at least crm.customer.search-min-length
            (2) characters, taken literally (% and _ are not wildcards).""")
    @RolesAllowed({Roles.FRONT_DESK, Roles.ACCOUNT_MANAGER})
    public Page<CustomerSummary> search(@QueryParam("q") String q, @QueryParam("kind") CustomerKind kind,
            @QueryParam("influenceClass") InfluenceClass influenceClass, @QueryParam("ownerId") String ownerId,
            @QueryParam("tag") String tag, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        return queries.search(new CustomerSearch(q, kind, influenceClass, ownerId, tag, page, size))
                .map(CustomerSummary::of);
    }

    @GET
    @Path("/identify")
    @Operation(operationId = "identifyCustomer", summary = "Identify a customer at the counter", description = """
            Exactly one of phone, email, card (a loyalty card) or identifier=KIND:VALUE. Phones and
            e-mails may be typed as the guest says them.""")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CustomerSummary.class)))
    @APIResponse(responseCode = "404", description = "Nobody is identified by it")
    @RolesAllowed({Roles.FRONT_DESK, Roles.ACCOUNT_MANAGER, Roles.POS})
    public CustomerSummary identify(@QueryParam("phone") String phone, @QueryParam("email") String email,
            @QueryParam("card") String card,
            @Parameter(description = "KIND:VALUE, e.g. LICENSE_PLATE:沪A12345") @QueryParam("identifier") String identifier) {
        IdentifierQuery query = IdentifierQuery.of(phone, email, card, identifier);
        return CustomerSummary.of(queries.identify(query.kind(), query.value(), query.field()));
    }

    @GET
    @Path("/birthdays")
    @Operation(operationId = "listBirthdays", summary = "Birthdays in the next N days", description = "Today included, soonest first; 29 February counts as 28 February outside leap years.")
    @RolesAllowed({Roles.FRONT_DESK, Roles.ACCOUNT_MANAGER})
    public Page<BirthdayResponse> birthdays(@QueryParam("withinDays") @DefaultValue("7") int withinDays,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size) {
        return queries.birthdays(withinDays, page, size).map(BirthdayResponse::of);
    }

    @GET
    @Path("/absent")
    @Operation(operationId = "listAbsentCustomers", summary = "Customers not seen for more than N days", description = "Seen = a purchase or a logged experience; never seen counts from registration.")
    @RolesAllowed({Roles.FRONT_DESK, Roles.ACCOUNT_MANAGER})
    public Page<AbsentResponse> absent(@QueryParam("days") @DefaultValue("365") int days,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size) {
        return queries.absent(days, page, size).map(AbsentResponse::of);
    }
}
