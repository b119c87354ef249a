package crm.events.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;

/** The sends of one outbox row (one event, or every event of a bulk change) and how they ended. */
final class Delivery {
    final UUID rowId;
    final List<Future<RecordMetadata>> pending = new ArrayList<>();
    /** Why the broker refused an event of the row for good; null if it did not. */
    String refusal;
    /** A send that failed and may succeed later; null if none did. */
    Exception failure;
    /** The producer failed in a way it does not recover from: the relay replaces it. */
    boolean producerLost;

    Delivery(UUID rowId) {
        this.rowId = rowId;
    }

    void add(Future<RecordMetadata> send) {
        pending.add(send);
    }

    /** Waits until {@code deadline} for the sends still running; false if one still is then. */
    boolean settle(Instant deadline) {
        Iterator<Future<RecordMetadata>> sends = pending.iterator();
        while (sends.hasNext()) {
            try {
                sends.next().get(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                ended(e.getCause());
            } catch (TimeoutException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            sends.remove();
        }
        return true;
    }

    /** After the producer was closed with sends still running: whatever did not end failed. */
    void lost() {
        producerLost = true;
        if (!pending.isEmpty() && failure == null) {
            failure = new TimeoutException(pending.size() + " send(s) did not end");
        }
    }

    private void ended(Throwable cause) {
        if (refusedForGood(cause)) {
            if (refusal == null) {
                refusal = cause.toString();
            }
            return;
        }
        if (failure == null) {
            failure = cause instanceof Exception e ? e : new ExecutionException(cause);
        }
        producerLost |= !(cause instanceof RetriableException);
    }

    /** The broker or the producer refuses this record itself: sending it again cannot help. */
    static boolean refusedForGood(Throwable cause) {
        return cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException
                || cause instanceof InvalidRecordException;
    }
}
