package crm.customer.rest;

import crm.customer.domain.CustomerRelationship;
import crm.customer.domain.RelationshipType;
import crm.customer.service.RelationshipService;
import crm.rest.Page;
import crm.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/customers/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Relationships", description = "Who the customer knows: relationships and the network they make")
public class RelationshipResource {
    private final RelationshipService relationships;

    public RelationshipResource(RelationshipService relationships) {
        this.relationships = relationships;
    }

    public record RelationshipRequest(@NotNull UUID toCustomerId, @NotNull RelationshipType type,
            @Schema(description = "1 (loose) .. 5 (close); defaults to 3") @Min(1) @Max(5) Integer strength,
            @Schema(examples = "used to work at the TV station") @Size(max = 500) String note) {
    }

    public record RelationshipResponse(UUID id, UUID fromCustomerId, UUID toCustomerId, RelationshipType type,
            int strength, String note, Instant createdAt) {

        static RelationshipResponse of(CustomerRelationship r) {
            return new RelationshipResponse(r.id, r.fromCustomer, r.toCustomer, r.type, r.strength, r.note, r.createdAt);
        }
    }

    public record NetworkNode(CustomerSummary customer, int distance) {
    }

    public record NetworkResponse(UUID customerId, int depth, List<NetworkNode> nodes, List<RelationshipResponse> edges,
            @Schema(description = "Customers or edges within the depth were left out: more than an answer holds (crm.customer.network-max-nodes)")
            boolean truncated) {
    }

    @GET
    @Path("/relationships")
    @Operation(operationId = "listRelationships", summary = "A customer's relationships", description = "From and to the customer, oldest first.")
    @RolesAllowed({Roles.FRONT_DESK, Roles.ACCOUNT_MANAGER})
    public Page<RelationshipResponse> list(@PathParam("id") UUID id, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        return relationships.list(id, page, size).map(RelationshipResponse::of);
    }

    @POST
    @Path("/relationships")
    @Operation(operationId = "addRelationship", summary = "Relate this customer to another (a directed, typed edge)")
    @APIResponse(responseCode = "201", description = "Related",
            content = @Content(schema = @Schema(implementation = RelationshipResponse.class)))
    @APIResponse(responseCode = "409", description = "A relationship of this type to that customer exists, or the customer was merged")
    @RolesAllowed({Roles.FRONT_DESK, Roles.ACCOUNT_MANAGER})
    public Response add(@PathParam("id") UUID id, @NotNull @Valid RelationshipRequest request) {
        CustomerRelationship created = relationships.add(id, request.toCustomerId(), request.type(),
                request.strength() == null ? 3 : request.strength(), request.note());
        return Response.status(Response.Status.CREATED).entity(RelationshipResponse.of(created)).build();
    }

    @DELETE
    @Path("/relationships/{relationshipId}")
    @Operation(operationId = "removeRelationship", summary = "Remove a relationship")
    @RolesAllowed({Roles.FRONT_DESK, Roles.ACCOUNT_MANAGER})
    public void remove(@PathParam("id") UUID id, @PathParam("relationshipId") UUID relationshipId) {
        relationships.remove(id, relationshipId);
    }

    @GET
    @Path("/network")
    @Operation(operationId = "getNetwork", summary = "The network around a customer", description = """
            Customers within depth steps (edges followed either way) and the edges between them; depth 1..4.
            At most crm.customer.network-max-nodes (200) customers, the nearest first; truncated says when some were left out.""")
    @RolesAllowed({Roles.FRONT_DESK, Roles.ACCOUNT_MANAGER})
    public NetworkResponse network(@PathParam("id") UUID id, @QueryParam("depth") @DefaultValue("2") int depth) {
        RelationshipService.Network network = relationships.network(id, depth);
        return new NetworkResponse(network.root(), network.depth(),
                network.nodes().stream().map(n -> new NetworkNode(CustomerSummary.of(n.customer()), n.distance())).toList(),
                network.edges().stream().map(RelationshipResponse::of).toList(), network.truncated());
    }
}
