package crm.experience.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test observer: every LogEntryRecorded fired, as the automatic-complaint rule would see it. */
@ApplicationScoped
public class RecordedEntries {
    private final List<LogEntryRecorded> seen = new CopyOnWriteArrayList<>();

    void observe(@Observes LogEntryRecorded recorded) {
        seen.add(recorded);
    }

    public List<LogEntryRecorded> ofVisit(String visitId) {
        return seen.stream().filter(r -> r.visitId().equals(visitId)).toList();
    }
}
