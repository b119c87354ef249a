package crm.experience.service;

import crm.experience.domain.BrandType;
import crm.experience.domain.Channel;
import crm.experience.domain.Need;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A journey as a client defines it: its first version (POST) or a new one (PUT). */
@Schema(name = "JourneyDefinition")
public record DefineJourney(
        @Schema(description = "Required on POST; on PUT optional and must equal the path", examples = "cafe-visit")
        @Size(max = 64) @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
        @Schema(examples = "Café visit") @NotBlank @Size(max = 200) String name,
        @Schema(description = "Whether a −3 log entry or a survey satisfaction of 1-2 opens a complaint by itself",
                defaultValue = "true") Boolean autoComplaints,
        @Schema(description = "In the order a customer meets them; codes unique within the journey")
        @NotEmpty @Size(max = 100) List<@NotNull @Valid Step> touchPoints) {

    static final String CODE = "[A-Za-z0-9][A-Za-z0-9._-]*";
    static final String CODE_MESSAGE = "must be letters, digits, '.', '_' or '-', starting with a letter or digit";

    public boolean autoComplaintsOrDefault() {
        return autoComplaints == null || autoComplaints;
    }

    public record Step(
            @Schema(examples = "queue") @NotBlank @Size(max = 64) @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @Schema(examples = "Queue at the counter") @NotBlank @Size(max = 200) String name,
            @Schema(examples = "STORE") @NotNull Channel channel,
            @Schema(examples = "CONVENIENCE") @NotNull Need need,
            @Schema(examples = "UNBRANDED") @NotNull BrandType brandType) {
    }
}
