package crm.customer.rest;

import crm.customer.service.Page;
import java.util.List;

/** A page of a list: {@code page} counts from 0; {@code total} is the size of the whole list. */
public record PageResponse<T>(List<T> items, int page, int size, long total) {

    static <T> PageResponse<T> of(Page<T> page) {
        return new PageResponse<>(page.items(), page.page(), page.size(), page.total());
    }
}
