package crm.segmentation.service;

import crm.rest.ProblemException;
import crm.segmentation.config.SegmentationConfig;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Group commit for single requests: the requests waiting when a writer is free are recorded
 * together, as one set in one statement (see {@link TransactionService#recordAll}), and each caller
 * gets its own result once that statement has committed. Under load a statement's fixed cost (the
 * round trip, the executor's start-up of a statement of many parts) is paid once per set rather
 * than once per sale; a request that finds a writer idle is written at once. Each request keeps its
 * own outcome: its rules are checked on its own, and a set the database refuses is written again
 * request by request, so one request's failure never becomes another's.
 */
@ApplicationScoped
public class GroupCommit {
    private static final Logger LOG = Logger.getLogger(GroupCommit.class);

    private record Waiting(RecordTransaction request, CompletableFuture<TransactionService.Result> result) {
    }

    private final Function<List<RecordTransaction>, List<TransactionService.Result>> recordAll;
    private final int maxSet;
    private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
    private final ExecutorService writers;
    private final DistributionSummary setSizes;

    @Inject
    public GroupCommit(TransactionService transactions, SegmentationConfig config, MeterRegistry meters) {
        this(transactions::recordAll, config.ingestWriters(), config.maxBatch(), meters);
    }

    /** {@code recordAll}: writes a set, a result per request ({@link TransactionService#recordAll}). */
    GroupCommit(Function<List<RecordTransaction>, List<TransactionService.Result>> recordAll, int writerCount,
            int maxSet, MeterRegistry meters) {
        this.recordAll = recordAll;
        this.maxSet = maxSet;
        this.setSizes = DistributionSummary.builder("crm.ledger.set.size")
                .description("Single transaction requests written together in one statement").register(meters);
        Gauge.builder("crm.ledger.waiting", queue, BlockingQueue::size)
                .description("Single transaction requests waiting for a writer").register(meters);
        AtomicInteger count = new AtomicInteger();
        this.writers = Executors.newFixedThreadPool(writerCount, task -> {
            Thread thread = new Thread(task, "ledger-writer-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < writerCount; i++) {
            writers.execute(this::write);
        }
    }

    /**
     * All or nothing: the transaction with its totals and its event; a ProblemException for a rule the
     * request breaks; what the write threw if the database failed it.
     */
    public TransactionService.Recorded record(RecordTransaction request) {
        Waiting waiting = new Waiting(request, new CompletableFuture<>());
        queue.add(waiting);
        // Stopped meanwhile, before any writer or stop() took it: nobody will.
        if (writers.isShutdown() && queue.remove(waiting)) {
            throw shuttingDown();
        }
        TransactionService.Result result;
        try {
            result = waiting.result().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        if (result.problem() != null) {
            throw result.problem();
        }
        return result.recorded();
    }

    private void write() {
        List<Waiting> set = new ArrayList<>();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                set.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(set, maxSet - 1);
            setSizes.record(set.size());
            try {
                complete(set, recordAll.apply(set.stream().map(Waiting::request).toList()));
            } catch (RuntimeException e) {
                if (set.size() == 1) {
                    set.get(0).result().completeExceptionally(e);
                } else {
                    LOG.warnf("A set of %d sales failed (%s); writing them one by one", set.size(), e.getMessage());
                    set.forEach(this::writeAlone);
                }
            } catch (Throwable e) { // out of memory, say: these requests fail, the writer goes on
                set.forEach(w -> w.result().completeExceptionally(e));
            }
            set.clear();
        }
    }

    private void writeAlone(Waiting waiting) {
        try {
            complete(List.of(waiting), recordAll.apply(List.of(waiting.request())));
        } catch (Throwable e) {
            waiting.result().completeExceptionally(e);
        }
    }

    private static void complete(List<Waiting> set, List<TransactionService.Result> results) {
        for (int i = 0; i < set.size(); i++) {
            set.get(i).result().complete(results.get(i));
        }
    }

    /** Requests still waiting are refused rather than left hanging. */
    @PreDestroy
    void stop() throws InterruptedException {
        writers.shutdownNow();
        writers.awaitTermination(10, TimeUnit.SECONDS);
        for (Waiting left; (left = queue.poll()) != null; ) {
            left.result().complete(new TransactionService.Result(null, shuttingDown()));
        }
    }

    private static ProblemException shuttingDown() {
        return new ProblemException(Response.Status.SERVICE_UNAVAILABLE, "The ledger is shutting down; send the transaction again");
    }
}
