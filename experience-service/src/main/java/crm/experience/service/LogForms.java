package crm.experience.service;

import crm.rest.ProblemException;
import java.util.List;
import java.util.stream.IntStream;

/** The two forms of a log request, single entry and whole visit, as one list of entries named as the client wrote them. */
final class LogForms {

    private LogForms() {
    }

    static List<LogExperience.Located> entries(LogExperience request) {
        if (request.entries() != null) {
            requireAbsent("touchPointCode", request.touchPointCode());
            requireAbsent("score", request.score());
            requireAbsent("occurredAt", request.occurredAt());
            requireAbsent("note", request.note());
            return IntStream.range(0, request.entries().size())
                    .mapToObj(i -> new LogExperience.Located("entries[" + i + "].", request.entries().get(i)))
                    .toList();
        }
        if (request.touchPointCode() == null || request.touchPointCode().isBlank()) {
            throw ProblemException.invalid("touchPointCode", "must not be blank (or give entries)");
        }
        if (request.score() == null) {
            throw ProblemException.invalid("score", "must not be null");
        }
        if (request.occurredAt() == null) {
            throw ProblemException.invalid("occurredAt", "must not be null");
        }
        return List.of(new LogExperience.Located("", new LogExperience.Entry(request.touchPointCode(), request.score(),
                request.occurredAt(), request.note())));
    }

    private static void requireAbsent(String field, Object value) {
        if (value != null) {
            throw ProblemException.invalid(field, "belongs inside entries when entries are given");
        }
    }
}
