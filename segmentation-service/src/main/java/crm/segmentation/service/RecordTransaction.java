package crm.segmentation.service;

import crm.rest.PlausibleTime;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A sale or a refund from a POS or dealer system. {@code source} + {@code externalId} is the
 * idempotency key. A refund has negative quantities and sets {@code refund}.
 */
@Schema(name = "Transaction")
public record RecordTransaction(
        @Schema(examples = "pos-store-12") @NotBlank @Size(max = 100) String source,
        @Schema(examples = "R-2026-10-000123") @NotBlank @Size(max = 200) String externalId,
        @NotNull UUID customerId,
        @NotNull @PlausibleTime Instant occurredAt,
        @Schema(examples = "store-12") @Size(max = 100) String store,
        @Schema(examples = "STORE") @Size(max = 50) String channel,
        @Schema(examples = "CNY") @NotBlank String currency,
        boolean refund,
        @NotEmpty @Size(max = 500) List<@NotNull @Valid Line> lines,
        @Schema(description = "Visit attributes, e.g. seat", examples = "{\"seat\": \"window-2\"}")
        @Size(max = 50) Map<@NotBlank @Size(max = 50) String, @NotNull @Size(max = 200) String> attributes) {

    public record Line(
            @Schema(examples = "SKU-LATTE") @NotBlank @Size(max = 100) String sku,
            @Schema(examples = "Latte") @Size(max = 200) String description,
            @Schema(examples = "FOOD") @Size(max = 50) String category,
            @Schema(description = "Negative on a refund") @NotNull @Digits(integer = 9, fraction = 4) BigDecimal quantity,
            @Schema(examples = "28.00") @NotNull @Digits(integer = 15, fraction = 4) BigDecimal unitPrice,
            @Schema(examples = "9.50") @NotNull @Digits(integer = 15, fraction = 4) BigDecimal unitCost) {
    }
}
