package crm.experience.rest;

import crm.experience.domain.BrandType;
import crm.experience.domain.Channel;
import crm.experience.domain.Journey;
import crm.experience.domain.Need;
import crm.experience.domain.TouchPoint;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Journey")
public record JourneyResponse(
        @Schema(examples = "cafe-visit") String code,
        @Schema(description = "1 for the first definition, one more for each PUT that changed it", examples = "2") int version,
        @Schema(examples = "Café visit") String name,
        boolean autoComplaints,
        Instant createdAt,
        List<TouchPointResponse> touchPoints) {

    @Schema(name = "TouchPoint")
    public record TouchPointResponse(@Schema(description = "From 0, in the order a customer meets them") int position,
            @Schema(examples = "queue") String code, @Schema(examples = "Queue at the counter") String name,
            Channel channel, Need need, BrandType brandType) {
    }

    static JourneyResponse of(Journey j) {
        List<TouchPointResponse> points = IntStream.range(0, j.touchPoints.size()).mapToObj(i -> {
            TouchPoint t = j.touchPoints.get(i);
            return new TouchPointResponse(i, t.code, t.name, t.channel, t.need, t.brandType);
        }).toList();
        return new JourneyResponse(j.code, j.version, j.name, j.autoComplaints, j.createdAt, points);
    }
}
