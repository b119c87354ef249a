package crm.segmentation.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import crm.rest.ProblemException;
import crm.segmentation.domain.LedgerTransaction;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {
    private final List<List<String>> sets = new CopyOnWriteArrayList<>();
    private final ExecutorService callers = Executors.newFixedThreadPool(8);
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final CountDownLatch busy = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private GroupCommit commit;

    @AfterEach
    void stop() throws InterruptedException {
        callers.shutdownNow();
        commit.stop();
    }

    /** Records each set it is given; a set holding "bad" fails as a whole, as a refused statement would. */
    private TransactionService.Result[] write(List<RecordTransaction> requests) {
        List<String> keys = requests.stream().map(RecordTransaction::externalId).toList();
        sets.add(keys);
        if (keys.contains("bad")) {
            throw new IllegalStateException("Ledger write failed");
        }
        return requests.stream().map(r -> {
            LedgerTransaction t = new LedgerTransaction();
            t.externalId = r.externalId();
            return new TransactionService.Result(new TransactionService.Recorded(t, true), null);
        }).toArray(TransactionService.Result[]::new);
    }

    /** Holds the set with "first" until released, so the requests sent meanwhile wait together. */
    private List<TransactionService.Result> writeAfterFirst(List<RecordTransaction> requests) {
        if (requests.get(0).externalId().equals("first")) {
            busy.countDown();
            await(release);
        }
        return List.of(write(requests));
    }

    private static RecordTransaction sale(String externalId) {
        return new RecordTransaction("pos", externalId, null, null, null, null, "CNY", false, List.of(), Map.of());
    }

    @Test
    void requestsWaitingWhileTheWriterIsBusyAreWrittenAsOneSetAndEachGetsItsOwnResult() throws Exception {
        commit = new GroupCommit(this::writeAfterFirst, 1, 1000, meters);
        Future<LedgerTransaction> first = callers.submit(() -> commit.record(sale("first")).transaction());
        await(busy);
        List<Future<LedgerTransaction>> waiting = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String key = "k" + i;
            waiting.add(callers.submit(() -> commit.record(sale(key)).transaction()));
        }
        while (meters.get("crm.ledger.waiting").gauge().value() < 5) {
            Thread.sleep(5);
        }
        release.countDown();
        assertEquals("first", first.get(10, TimeUnit.SECONDS).externalId);
        for (int i = 0; i < 5; i++) {
            assertEquals("k" + i, waiting.get(i).get(10, TimeUnit.SECONDS).externalId);
        }
        assertEquals(2, sets.size());
        assertEquals(List.of("first"), sets.get(0));
        assertEquals(5, sets.get(1).size());
        DistributionSummary sizes = meters.get("crm.ledger.set.size").summary();
        assertEquals(2, sizes.count());
        assertEquals(6, sizes.totalAmount());
    }

    @Test
    void aSetTheDatabaseRefusesIsWrittenAgainOneByOneSoOnlyTheCulpritFails() throws Exception {
        commit = new GroupCommit(this::writeAfterFirst, 1, 1000, meters);
        Future<?> first = callers.submit(() -> commit.record(sale("first")));
        await(busy);
        Future<LedgerTransaction> good = callers.submit(() -> commit.record(sale("good")).transaction());
        Future<LedgerTransaction> bad = callers.submit(() -> commit.record(sale("bad")).transaction());
        while (meters.get("crm.ledger.waiting").gauge().value() < 2) {
            Thread.sleep(5);
        }
        release.countDown();
        first.get(10, TimeUnit.SECONDS);
        assertEquals("good", good.get(10, TimeUnit.SECONDS).externalId);
        Exception failure = assertThrows(Exception.class, () -> bad.get(10, TimeUnit.SECONDS));
        assertEquals(IllegalStateException.class, failure.getCause().getClass());
        assertEquals(2, sets.get(1).size(), "first together");
        assertEquals(4, sets.size(), "then one by one");
    }

    @Test
    void aRuleBrokenByOneRequestIsItsOwnAnswer() {
        ProblemException conflict = ProblemException.conflict("externalId", "taken");
        commit = new GroupCommit(requests -> List.of(new TransactionService.Result(null, conflict)), 1, 1000, meters);
        assertSame(conflict, assertThrows(ProblemException.class, () -> commit.record(sale("k"))));
    }

    @Test
    void onceStoppedARequestIsRefusedAs503() throws InterruptedException {
        commit = new GroupCommit(requests -> List.of(write(requests)), 1, 1000, meters);
        commit.stop();
        assertEquals(503, assertThrows(ProblemException.class, () -> commit.record(sale("late"))).status().getStatusCode());
    }

    @Test
    void aRequestStillWaitingWhenTheLedgerStopsIsRefusedAs503RatherThanLeftWaiting() throws Exception {
        commit = new GroupCommit(this::writeAfterFirst, 1, 1000, meters);
        Future<?> first = callers.submit(() -> commit.record(sale("first")));
        await(busy);
        Future<?> waiting = callers.submit(() -> commit.record(sale("waiting")));
        while (meters.get("crm.ledger.waiting").gauge().value() < 1) {
            Thread.sleep(5);
        }
        commit.stop();
        ExecutionException refused = assertThrows(ExecutionException.class, () -> waiting.get(10, TimeUnit.SECONDS));
        assertEquals(503, ((ProblemException) refused.getCause()).status().getStatusCode());
        assertThrows(ExecutionException.class, () -> first.get(10, TimeUnit.SECONDS), "the write in progress ends too");
        assertEquals(List.of(), sets, "the waiting request was never written");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
