package crm.experience.rest;

import crm.experience.domain.Emotion;
import crm.experience.domain.LogEntry;
import crm.experience.domain.RecordedBy;
import crm.experience.service.LogService;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ExperienceLogResult", description = "The entries of the request as stored, in the order they were sent")
public record LoggedResponse(String visitId, String journeyCode,
        @Schema(description = "The journey version the visit is recorded against") int journeyVersion,
        UUID customerId, String store,
        @Schema(description = "Entries this request stored") int created,
        @Schema(description = "Entries already stored by an earlier identical request") int repeated,
        List<Entry> entries) {

    @Schema(name = "ExperienceEntry")
    public record Entry(UUID id, String touchPointCode, int position, int score,
            @Schema(examples = "terrible") String label, @Schema(examples = "糟糕") String labelZh, Instant occurredAt,
            String note, RecordedBy recordedBy, Instant recordedAt, boolean created) {
    }

    static LoggedResponse of(LogService.Logged logged) {
        List<Entry> entries = logged.entries().stream().map(s -> {
            LogEntry e = s.entry();
            Emotion emotion = Emotion.of(e.score);
            return new Entry(e.id, e.touchPointCode, e.position, e.score, emotion.label, emotion.labelZh, e.occurredAt,
                    e.note, e.recordedBy, e.recordedAt, s.created());
        }).toList();
        int created = (int) entries.stream().filter(Entry::created).count();
        return new LoggedResponse(logged.visit().visitId(), logged.visit().journeyCode(), logged.journey().version(),
                logged.visit().customerId(), logged.visit().store(), created, entries.size() - created, entries);
    }
}
