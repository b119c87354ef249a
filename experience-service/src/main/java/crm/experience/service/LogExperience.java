package crm.experience.service;

import crm.experience.domain.Emotion;
import crm.experience.domain.RecordedBy;
import crm.experience.domain.VisitIds;
import crm.rest.PlausibleTime;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Experience entries of one visit: either a single entry (touchPointCode, score, occurredAt, note at the top
 * level) or several in {@code entries}. The visit fields (journey, customer, store) and recordedBy hold for all.
 */
@Schema(name = "ExperienceLog")
public record LogExperience(
        @Schema(description = VisitIds.DESCRIPTION + " The same id again adds to the same visit.", examples = "T-2026-1042")
        @NotNull @Pattern(regexp = VisitIds.PATTERN, message = VisitIds.INVALID) String visitId,
        @Schema(examples = "furniture-store-visit") @NotBlank @Size(max = 64) String journeyCode,
        @Schema(description = "Left out for anonymous guests and mystery shoppers") UUID customerId,
        @Schema(description = "Where the visit took place, for the store filter of journey curves", examples = "store-shanghai-1")
        @Size(max = 100) String store,
        @Schema(examples = "STAFF") @NotNull RecordedBy recordedBy,
        @Schema(description = "Single form: the touch point", examples = "carrying-items") @Size(max = 64) String touchPointCode,
        @Schema(description = "Single form: −3 terrible .. +3 delighted", examples = "-3")
        @Min(Emotion.MIN) @Max(Emotion.MAX) Integer score,
        @Schema(description = "Single form: when the touch point happened") @PlausibleTime Instant occurredAt,
        @Schema(description = "Single form: what was said or seen") @Size(max = 2000) String note,
        @Schema(description = "Visit form: one entry per touch point") @Size(min = 1, max = 100) List<@NotNull @Valid Entry> entries) {

    public record Entry(
            @Schema(examples = "carrying-items") @NotBlank @Size(max = 64) String touchPointCode,
            @Schema(examples = "-3") @NotNull @Min(Emotion.MIN) @Max(Emotion.MAX) Integer score,
            @NotNull @PlausibleTime Instant occurredAt,
            @Size(max = 2000) String note) {
    }

    /**
     * The same entries as an anonymous guest's, for a customer erased here: no customer and no notes, so the
     * scores still count in curves and moments of truth while nothing personal is stored.
     */
    public LogExperience unlinked() {
        return new LogExperience(visitId, journeyCode, null, store, recordedBy, touchPointCode, score, occurredAt, null,
                entries == null ? null : entries.stream()
                        .map(e -> new Entry(e.touchPointCode(), e.score(), e.occurredAt(), null)).toList());
    }

    /** The same entries for another customer: the survivor of a merge the request's customer went into. */
    public LogExperience forCustomer(UUID customer) {
        return new LogExperience(visitId, journeyCode, customer, store, recordedBy, touchPointCode, score, occurredAt,
                note, entries);
    }

    /** An entry with the name its fields have in the request ({@code entries[2]} or the top level). */
    public record Located(String prefix, Entry entry) {
        public String field(String name) {
            return prefix + name;
        }
    }
}
