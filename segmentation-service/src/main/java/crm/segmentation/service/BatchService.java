package crm.segmentation.service;

import crm.rest.Problem;
import crm.rest.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.jboss.logging.Logger;

/**
 * An end-of-day upload: one bad item does not reject the good ones; the result says, item by
 * item, what happened. The good items are written in one database transaction (one commit for the
 * batch); if that transaction fails as a whole (a concurrent upload of the same keys), each item
 * is recorded on its own instead.
 */
@ApplicationScoped
public class BatchService {
    private static final Logger LOG = Logger.getLogger(BatchService.class);
    private final TransactionService transactions;
    private final Validator validator;
    private final EntityManager em;

    public BatchService(TransactionService transactions, Validator validator, EntityManager em) {
        this.transactions = transactions;
        this.validator = validator;
        this.em = em;
    }

    public record ItemResult(int index, int status, TransactionService.Recorded recorded, Problem problem) {
    }

    public List<ItemResult> record(List<RecordTransaction> items) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> recordEach(items, true));
        } catch (RuntimeException e) {
            LOG.warnf("Batch of %d failed as one transaction (%s); recording item by item", items.size(), e.toString());
            return recordEach(items, false);
        }
    }

    /**
     * Records each item, in customer order so that concurrent batches lock the same customers' totals
     * in the same order (no deadlocks); the results keep the order of the request.
     */
    private List<ItemResult> recordEach(List<RecordTransaction> items, boolean oneTransaction) {
        ItemResult[] results = new ItemResult[items.size()];
        List<Integer> order = IntStream.range(0, items.size()).boxed()
                .sorted(Comparator.comparing(i -> items.get(i) == null || items.get(i).customerId() == null
                        ? "" : items.get(i).customerId().toString()))
                .toList();
        for (int i : order) {
            RecordTransaction item = items.get(i);
            String prefix = "transactions[" + i + "]";
            if (item == null) {
                results[i] = failed(i, ProblemException.invalid(prefix, "must not be null"), prefix);
                continue;
            }
            Set<ConstraintViolation<RecordTransaction>> violations = validator.validate(item);
            if (!violations.isEmpty()) {
                List<Problem.FieldError> errors = violations.stream()
                        .map(v -> new Problem.FieldError(prefix + "." + v.getPropertyPath(), v.getMessage()))
                        .sorted(Comparator.comparing(Problem.FieldError::field)).toList();
                results[i] = new ItemResult(i, 400, null, new Problem("about:blank", "Bad Request", 400,
                        errors.get(0).field() + ": " + errors.get(0).message(), null, errors));
                continue;
            }
            try {
                TransactionService.Recorded recorded = transactions.record(item);
                results[i] = new ItemResult(i, recorded.created() ? 201 : 200, recorded, null);
            } catch (ProblemException e) {
                results[i] = failed(i, e, prefix);
            }
            if (oneTransaction) {
                // Written already: without this, every later query would dirty-check all earlier items.
                em.flush();
                em.clear();
            }
        }
        return List.of(results);
    }

    private static ItemResult failed(int index, ProblemException e, String prefix) {
        List<Problem.FieldError> errors = e.errors().stream()
                .map(f -> new Problem.FieldError(f.field().startsWith(prefix) ? f.field() : prefix + "." + f.field(),
                        f.message()))
                .toList();
        int status = e.status().getStatusCode();
        return new ItemResult(index, status, null, new Problem("about:blank", e.status().getReasonPhrase(), status,
                e.getMessage(), null, errors));
    }
}
