package crm.segmentation.rest;

import crm.rest.Page;
import crm.rest.Problem;
import crm.rest.ProblemException;
import crm.rest.Roles;
import crm.rest.TimeParams;
import crm.segmentation.config.SegmentationConfig;
import crm.segmentation.service.BatchService;
import crm.segmentation.service.GroupCommit;
import crm.segmentation.service.RecordTransaction;
import crm.segmentation.service.TransactionService;
import crm.segmentation.service.UnmatchedCustomers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/transactions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Transactions", description = "The ledger of sales and refunds")
public class TransactionResource {
    private final TransactionService transactions;
    private final GroupCommit groupCommit;
    private final BatchService batches;
    private final SegmentationConfig config;
    private final JsonWebToken caller;
    private final TimeParams times;
    private final UnmatchedCustomers unmatched;

    public TransactionResource(TransactionService transactions, GroupCommit groupCommit, BatchService batches,
            SegmentationConfig config, JsonWebToken caller, TimeParams times, UnmatchedCustomers unmatched) {
        this.transactions = transactions;
        this.groupCommit = groupCommit;
        this.batches = batches;
        this.config = config;
        this.caller = caller;
        this.times = times;
        this.unmatched = unmatched;
    }

    @POST
    @Operation(operationId = "recordTransaction", summary = "Record a sale or refund", description = """
            source + externalId is the idempotency key: the same request again answers 200 with the first
            result and counts once; the same key with another body answers 409; a customer erased here, 410.
            A customer this service has not heard of yet (customer-service's CustomerRegistered on its way) is
            known, unconfirmed, from this sale, which counts at once. A customer merged into another is
            resolved to the survivor: the sale is the survivor's and the answer names the survivor's id.
            Publishes TransactionRecorded.
            A caller bound to a source (its token's crm_source) records only that source: another is 403.""")
    @RequestBody(content = @Content(schema = @Schema(implementation = RecordTransaction.class), examples = @ExampleObject(
            name = "café visit", value = """
                {"source":"pos-cafe-1","externalId":"R-000123","customerId":"6f1c2a9e-5b1d-4c1e-9a57-3f0f5a1f2b11",
                 "occurredAt":"2026-10-14T08:12:00Z","store":"cafe-1","channel":"STORE","currency":"CNY",
                 "lines":[{"sku":"LATTE","description":"Latte","category":"FOOD","quantity":1,"unitPrice":28.00,"unitCost":9.50}],
                 "attributes":{"seat":"window-2"}}""")))
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = TransactionResponse.class)))
    @APIResponse(responseCode = "200", description = "A retry: the transaction recorded the first time",
            content = @Content(schema = @Schema(implementation = TransactionResponse.class)))
    @APIResponse(responseCode = "409", description = "The key was used for a different transaction")
    @APIResponse(responseCode = "410", description = "customerId names a customer who was erased; nothing stored")
    @APIResponse(responseCode = "403", description = "Not the source the caller is bound to, or not a pos caller")
    @RolesAllowed(Roles.POS)
    public RestResponse<TransactionResponse> record(@NotNull @Valid RecordTransaction request) {
        BoundSource.check(BoundSource.of(caller), List.of(request), i -> "source");
        TransactionService.Recorded recorded = groupCommit.record(request);
        return RestResponse.status(recorded.created() ? RestResponse.Status.CREATED : RestResponse.Status.OK,
                TransactionResponse.of(recorded.transaction()));
    }

    public record Batch(@NotNull List<RecordTransaction> transactions) {
    }

    public record ItemResponse(int index, int status, TransactionResponse transaction, Problem problem) {
    }

    public record BatchResponse(int recorded, int repeated, int failed, List<ItemResponse> results) {
    }

    @POST
    @Path("/batch")
    @Operation(operationId = "recordTransactions", summary = "Record up to 1,000 transactions", description = """
            Each item on its own: one bad item does not reject the good ones (an item naming an erased customer
            is status 410 with its problem, nothing stored for it). A caller bound to a source
            (its token's crm_source) records only that source: a batch holding another is refused whole (403),
            nothing written.""")
    @APIResponse(responseCode = "200", description = "A result per item, in the batch's order",
            content = @Content(schema = @Schema(implementation = BatchResponse.class)))
    @APIResponse(responseCode = "403", description = "An item of another source than the caller is bound to, or not a pos caller")
    @RolesAllowed(Roles.POS)
    public BatchResponse batch(@NotNull @Valid Batch batch) {
        if (batch.transactions().size() > config.maxBatch()) {
            throw ProblemException.invalid("transactions", "at most " + config.maxBatch() + " per batch");
        }
        BoundSource.check(BoundSource.of(caller), batch.transactions(), i -> "transactions[" + i + "].source");
        List<ItemResponse> results = batches.record(batch.transactions()).stream()
                .map(r -> new ItemResponse(r.index(), r.status(),
                        r.recorded() == null ? null : TransactionResponse.of(r.recorded().transaction()), r.problem()))
                .toList();
        return new BatchResponse((int) results.stream().filter(r -> r.status() == 201).count(),
                (int) results.stream().filter(r -> r.status() == 200).count(),
                (int) results.stream().filter(r -> r.status() >= 400).count(), results);
    }

    @GET
    @Operation(operationId = "listTransactions", summary = "A customer's transactions, newest first", description = "from and to: " + TimeParams.DESCRIPTION + ".")
    @RolesAllowed({Roles.FRONT_DESK, Roles.ACCOUNT_MANAGER})
    public Page<TransactionResponse> list(@QueryParam("customerId") @NotNull UUID customerId, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        return transactions.list(customerId, times.instant("from", from), times.instant("to", to), page, size)
                .map(TransactionResponse::of);
    }

    @GET
    @Path("/unmatched")
    @Operation(operationId = "listUnmatchedCustomers", summary = "Customer ids sales came for that customer-service never confirmed",
            description = """
            A sale for a customer this service has not heard of yet is recorded, and the customer is known,
            unconfirmed, from it: customer-service's CustomerRegistered may still be on its way. An id still
            unconfirmed after crm.segmentation.unconfirmed-after (default 24 hours) is listed here, latest
            first, with its sales, refunds and revenue, so an operator can find a till that sends wrong ids. A
            later CustomerRegistered or CustomerMerged naming it takes it off the list.""")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    public Page<UnmatchedCustomers.Unmatched> unmatched(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        return unmatched.list(page, size);
    }
}
