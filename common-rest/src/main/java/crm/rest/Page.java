package crm.rest;

import java.util.List;
import java.util.function.Function;

/** One page of a longer list, with the total so a client can page through it. {@code page} counts from 0. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }

    /** 400 naming {@code page} or {@code size} unless 0 ≤ page and 1 ≤ size ≤ max. */
    public static void check(int page, int size, int max) {
        if (page < 0) {
            throw ProblemException.invalid("page", "must be 0 or more");
        }
        if (size < 1 || size > max) {
            throw ProblemException.invalid("size", "must be between 1 and " + max);
        }
    }
}
