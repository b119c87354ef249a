package crm.rest;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** One page of a longer list, with the total so a client can page through it. {@code page} counts from 0. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }

    /**
     * The page of a list of {@code total} items; {@code items} reads the page's items, and is not
     * called for a page that starts past the end (which is empty, whatever its number).
     */
    public static <T> Page<T> of(int page, int size, long total, Supplier<List<T>> items) {
        return new Page<>(offset(page, size) >= total ? List.of() : items.get(), page, size, total);
    }

    /** Where the page starts: a long, since page × size passes what an int holds (page 2147483647 of 100). */
    public static long offset(int page, int size) {
        return (long) page * size;
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
