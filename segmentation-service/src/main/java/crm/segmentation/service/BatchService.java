package crm.segmentation.service;

import crm.rest.Problem;
import crm.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * An end-of-day upload: one bad item does not reject the good ones; the result says, item by
 * item, what happened. The good items are recorded as one set, in one database transaction.
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
        ItemResult[] results = new ItemResult[items.size()];
        List<RecordTransaction> valid = new ArrayList<>(items.size());
        List<Integer> positions = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            RecordTransaction item = items.get(i);
            String prefix = prefix(i);
            if (item == null) {
                results[i] = failed(i, ProblemException.invalid(prefix, "must not be null"));
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
            valid.add(item);
            positions.add(i);
        }
        List<TransactionService.Result> recorded = valid.isEmpty() ? List.of() : transactions.recordAll(valid);
        for (int j = 0; j < recorded.size(); j++) {
            int i = positions.get(j);
            TransactionService.Result result = recorded.get(j);
            results[i] = result.problem() != null ? failed(i, result.problem())
                    : new ItemResult(i, result.recorded().created() ? 201 : 200, result.recorded(), null);
        }
        return List.of(results);
    }

    private static String prefix(int index) {
        return "transactions[" + index + "]";
    }

    private static ItemResult failed(int index, ProblemException e) {
        String prefix = prefix(index);
        List<Problem.FieldError> errors = e.errors().stream()
                .map(f -> new Problem.FieldError(f.field().startsWith(prefix) ? f.field() : prefix + "." + f.field(),
                        f.message()))
                .toList();
        int status = e.status().getStatusCode();
        return new ItemResult(index, status, null, new Problem("about:blank", e.status().getReasonPhrase(), status,
                e.getMessage(), null, errors));
    }
}
