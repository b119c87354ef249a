package crm.customer.rest;

import crm.customer.domain.CustomerPreference;
import crm.customer.domain.PreferenceSource;
import crm.customer.service.PreferenceService;
import crm.rest.Page;
import crm.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/customers/{id}/preferences")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Preferences", description = "What the customer likes, stated or observed")
public class PreferenceResource {
    private final PreferenceService preferences;

    public PreferenceResource(PreferenceService preferences) {
        this.preferences = preferences;
    }

    public record PreferenceRequest(
            @Schema(description = "SEAT, FOOD, BEVERAGE, ROOM, NEWSPAPER, CONTACT_TIME or your own", examples = "BEVERAGE")
            @NotBlank @Size(max = 50) @Pattern(regexp = "[A-Z][A-Z0-9_]*", message = "must be UPPER_SNAKE_CASE") String category,
            @Schema(examples = "green tea, no sugar") @NotBlank @Size(max = 500) String value,
            @Schema(description = "Defaults to STATED") PreferenceSource source) {
    }

    public record PreferenceResponse(String key, String category, String value, PreferenceSource source,
            @Schema(description = "Observed only: the share of recent visits that showed it") BigDecimal confidence,
            Instant confirmedAt) {

        static PreferenceResponse of(CustomerPreference p) {
            return new PreferenceResponse(p.id.key(), p.category, p.value, p.source, p.confidence, p.confirmedAt);
        }
    }

    @GET
    @Operation(operationId = "listPreferences", summary = "A customer's preferences")
    @RolesAllowed({Roles.FRONT_DESK, Roles.ACCOUNT_MANAGER})
    public Page<PreferenceResponse> list(@PathParam("id") UUID id, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        return preferences.list(id, page, size).map(PreferenceResponse::of);
    }

    @PUT
    @Path("/{key}")
    @Operation(operationId = "setPreference", summary = "Set a preference", description = "An OBSERVED value never replaces a STATED one (409).")
    @APIResponse(responseCode = "200", description = "The preference as set",
            content = @Content(schema = @Schema(implementation = PreferenceResponse.class)))
    @APIResponse(responseCode = "409", description = "An observation of a preference the customer stated, or the customer was merged")
    @RolesAllowed({Roles.FRONT_DESK, Roles.ACCOUNT_MANAGER})
    public PreferenceResponse put(@PathParam("id") UUID id,
            @PathParam("key") @Size(max = 50) @Pattern(regexp = "[A-Za-z][A-Za-z0-9_.-]*") String key,
            @NotNull @Valid PreferenceRequest request) {
        PreferenceSource source = request.source() == null ? PreferenceSource.STATED : request.source();
        return PreferenceResponse.of(preferences.put(id, key, request.category(), request.value().strip(), source));
    }

    @DELETE
    @Path("/{key}")
    @Operation(operationId = "removePreference", summary = "Forget a preference")
    @RolesAllowed({Roles.FRONT_DESK, Roles.ACCOUNT_MANAGER})
    public void delete(@PathParam("id") UUID id, @PathParam("key") String key) {
        preferences.delete(id, key);
    }
}
