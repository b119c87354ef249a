package crm.customer.rest;

import crm.customer.domain.ConsentChange;
import crm.customer.domain.ConsentChannel;
import crm.customer.domain.ConsentPurpose;
import crm.customer.domain.ConsentStatus;
import crm.customer.service.ConsentService;
import crm.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/customers/{id}/consents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Consents", description = "Consent per purpose and channel, with history")
public class ConsentResource {
    private final ConsentService consents;

    public ConsentResource(ConsentService consents) {
        this.consents = consents;
    }

    public record ConsentRequest(@NotNull ConsentStatus status,
            @Schema(description = "Defaults to ANY (every channel)") ConsentChannel channel,
            @Schema(examples = "front desk, signed form") @NotBlank @Size(max = 200) String source) {
    }

    public record ConsentResponse(ConsentPurpose purpose, ConsentChannel channel, ConsentStatus status, String source,
            Instant changedAt) {

        static ConsentResponse of(ConsentChange c) {
            return new ConsentResponse(c.purpose, c.channel, c.status, c.source, c.changedAt);
        }
    }

    public record ConsentsResponse(List<ConsentResponse> current, List<ConsentResponse> history) {
    }

    @GET
    @Operation(operationId = "listConsents", summary = "Current consents and their history")
    @RolesAllowed({Roles.FRONT_DESK, Roles.ACCOUNT_MANAGER})
    public ConsentsResponse list(@PathParam("id") UUID id) {
        ConsentService.Consents all = consents.of(id);
        return new ConsentsResponse(all.current().stream().map(ConsentResponse::of).toList(),
                all.history().stream().map(ConsentResponse::of).toList());
    }

    @PUT
    @Path("/{purpose}")
    @Operation(operationId = "setConsent", summary = "Record a consent decision", description = "Publishes ConsentChanged when the status changes.")
    @RolesAllowed({Roles.FRONT_DESK, Roles.ACCOUNT_MANAGER})
    public ConsentResponse set(@PathParam("id") UUID id, @PathParam("purpose") ConsentPurpose purpose,
            @NotNull @Valid ConsentRequest request) {
        ConsentChannel channel = request.channel() == null ? ConsentChannel.ANY : request.channel();
        return ConsentResponse.of(consents.set(id, purpose, channel, request.status(), request.source()));
    }
}
