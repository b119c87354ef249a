package crm.experience.rest;

import crm.experience.domain.Cohort;
import crm.experience.domain.Emotion;
import crm.experience.domain.LogEntry;
import crm.experience.domain.RecordedBy;
import crm.experience.service.CurveService;
import crm.experience.service.MomentsOfTruthService;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the curve and moments-of-truth endpoints answer. */
final class CurveResponses {

    private CurveResponses() {
    }

    @Schema(name = "CurvePoint")
    record Point(int position, String touchPointCode, String touchPointName, int score,
            @Schema(examples = "terrible") String label, @Schema(examples = "糟糕") String labelZh, Instant occurredAt,
            String note, RecordedBy recordedBy) {

        static Point of(LogEntry e, String name) {
            Emotion emotion = Emotion.of(e.score);
            return new Point(e.position, e.touchPointCode, name, e.score, emotion.label, emotion.labelZh, e.occurredAt,
                    e.note, e.recordedBy);
        }
    }

    @Schema(name = "VisitCurve", description = """
            The visit's scores in touch-point order. peak: the largest absolute score (of equals the negative one,
            then the later one); end: the last; remembered = (peak + end) / 2; mean to two decimals (half up).""")
    record VisitCurve(String visitId, String journeyCode, int journeyVersion, UUID customerId, String store,
            List<Point> points, Point peak, Point end, @Schema(examples = "-0.5") BigDecimal remembered,
            @Schema(examples = "0.45") BigDecimal mean, @Schema(examples = "-3") int min) {

        static VisitCurve of(CurveService.VisitCurve c) {
            List<Point> points = c.entries().stream()
                    .map(e -> Point.of(e, c.journey().touchPoints.get(e.position).name)).toList();
            return new VisitCurve(c.visit().visitId, c.visit().journeyCode, c.journey().version, c.visit().customerId,
                    c.visit().store, points, points.get(c.rule().peakIndex()), points.get(c.rule().endIndex()),
                    c.rule().remembered(), c.rule().mean(), c.rule().min());
        }
    }

    @Schema(name = "JourneyCurvePoint")
    record JourneyPoint(String touchPointCode, String touchPointName,
            @Schema(description = "False for a touch point only older versions of the journey have") boolean inLatestVersion,
            @Schema(description = "Entries counted") long count,
            @Schema(description = "Mean score, two decimals (half up); null without entries", examples = "1.25") BigDecimal mean) {
    }

    @Schema(name = "JourneyCurve", description = "Mean score per touch point, in the latest version's order")
    record JourneyCurve(String journeyCode, int latestVersion, Cohort cohort, Instant from, Instant to, String store,
            List<JourneyPoint> points) {

        static JourneyCurve of(CurveService.JourneyCurve c, Cohort cohort, Instant from, Instant to, String store) {
            return new JourneyCurve(c.latest().code, c.latest().version, cohort, from, to, store, c.points().stream()
                    .map(p -> new JourneyPoint(p.step().code(), p.step().name(), p.step().inLatestVersion(), p.count(),
                            p.mean()))
                    .toList());
        }
    }

    @Schema(name = "MomentOfTruth")
    record Moment(String touchPointCode, String touchPointName, boolean inLatestVersion,
            @Schema(description = "Visits whose peak is a negative score here") long negativePeaks,
            @Schema(description = "Visits whose peak is a positive score here") long positivePeaks,
            @Schema(description = "Visits that end here") long ends,
            @Schema(description = "negativePeaks ÷ all negative peaks, four decimals; null when there are none",
                    examples = "0.4") BigDecimal negativePeakShare,
            long entries, @Schema(description = "Two decimals (half up)") BigDecimal mean) {
    }

    @Schema(name = "MomentsOfTruth", description = "Touch points ranked by negative peaks, then positive peaks, then ends")
    record Moments(String journeyCode, Instant from, Instant to, long visits, long negativePeaks,
            List<Moment> touchPoints) {

        static Moments of(String journeyCode, Instant from, Instant to, MomentsOfTruthService.Moments m) {
            return new Moments(journeyCode, from, to, m.visits(), m.negativePeaks(), m.touchPoints().stream()
                    .map(t -> new Moment(t.step().code(), t.step().name(), t.step().inLatestVersion(), t.negativePeaks(),
                            t.positivePeaks(), t.ends(), t.negativePeakShare(), t.entries(), t.mean()))
                    .toList());
        }
    }
}
