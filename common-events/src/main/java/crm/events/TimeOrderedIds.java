package crm.events;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.util.UUID;

/**
 * Ids for rows written by the million (events, ledger entries, log entries): UUID version 7 starts
 * with the time, so a new row goes to the end of its primary-key index instead of a random page.
 * Not for ids that name a person: those stay random and tell nothing.
 */
public final class TimeOrderedIds {
    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private TimeOrderedIds() {
    }

    public static UUID next() {
        return GENERATOR.generate();
    }
}
