package crm.segmentation.service;

import crm.rest.Problem;
import crm.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An end-of-day upload: each transaction is recorded on its own, so one bad item does not reject
 * the good ones; the result says, item by item, what happened.
 */
@ApplicationScoped
public class BatchService {
    private final TransactionService transactions;
    private final Validator validator;

    public BatchService(TransactionService transactions, Validator validator) {
        this.transactions = transactions;
        this.validator = validator;
    }

    public record ItemResult(int index, int status, TransactionService.Recorded recorded, Problem problem) {
    }

    public List<ItemResult> record(List<RecordTransaction> items) {
        List<ItemResult> results = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            RecordTransaction item = items.get(i);
            String prefix = "transactions[" + i + "]";
            if (item == null) {
                results.add(failed(i, ProblemException.invalid(prefix, "must not be null"), prefix));
                continue;
            }
            Set<ConstraintViolation<RecordTransaction>> violations = validator.validate(item);
            if (!violations.isEmpty()) {
                List<Problem.FieldError> errors = violations.stream()
                        .map(v -> new Problem.FieldError(prefix + "." + v.getPropertyPath(), v.getMessage()))
                        .sorted(java.util.Comparator.comparing(Problem.FieldError::field)).toList();
                results.add(new ItemResult(i, 400, null, new Problem("about:blank", "Bad Request", 400,
                        errors.get(0).field() + ": " + errors.get(0).message(), null, errors)));
                continue;
            }
            try {
                TransactionService.Recorded recorded = transactions.record(item);
                results.add(new ItemResult(i, recorded.created() ? 201 : 200, recorded, null));
            } catch (ProblemException e) {
                results.add(failed(i, e, prefix));
            }
        }
        return results;
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
