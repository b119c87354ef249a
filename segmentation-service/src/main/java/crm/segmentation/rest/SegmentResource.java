package crm.segmentation.rest;

import crm.rest.Problem;
import crm.segmentation.service.SegmentService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/segments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Segments", description = "What the customer is worth")
public class SegmentResource {
    private final SegmentService segments;

    public SegmentResource(SegmentService segments) {
        this.segments = segments;
    }

    @GET
    @Path("/customers/{id}")
    @Operation(summary = "A customer's current pyramid level")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CustomerSegmentResponse.class)))
    @APIResponse(responseCode = "404", description = "Customer not known to segmentation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CustomerSegmentResponse customer(@PathParam("id") UUID id) {
        return CustomerSegmentResponse.of(segments.get(id));
    }
}
