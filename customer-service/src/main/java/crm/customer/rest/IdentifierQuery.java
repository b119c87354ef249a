package crm.customer.rest;

import crm.customer.domain.IdentifierKind;
import crm.rest.ProblemException;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the counter typed to find a guest: exactly one of phone, email, card (a loyalty card) or
 * identifier=KIND:VALUE; {@code field} names the parameter it came from, for a 400 or a 404.
 */
record IdentifierQuery(IdentifierKind kind, String value, String field) {

    static IdentifierQuery of(String phone, String email, String card, String identifier) {
        List<String> given = Stream.of(phone, email, card, identifier).filter(v -> v != null && !v.isBlank()).toList();
        if (given.size() != 1) {
            throw ProblemException.invalid("phone", "give exactly one of phone, email, card, identifier");
        }
        if (phone != null && !phone.isBlank()) {
            return new IdentifierQuery(IdentifierKind.PHONE, phone, "phone");
        }
        if (email != null && !email.isBlank()) {
            return new IdentifierQuery(IdentifierKind.EMAIL, email, "email");
        }
        if (card != null && !card.isBlank()) {
            return new IdentifierQuery(IdentifierKind.LOYALTY_CARD, card, "card");
        }
        int colon = identifier.indexOf(':');
        IdentifierKind kind = colon < 0 ? null : Stream.of(IdentifierKind.values())
                .filter(k -> k.name().equals(identifier.substring(0, colon).strip())).findFirst().orElse(null);
        if (kind == null) {
            throw ProblemException.invalid("identifier", "must be KIND:VALUE with KIND one of "
                    + List.of(IdentifierKind.values()));
        }
        return new IdentifierQuery(kind, identifier.substring(colon + 1), "identifier");
    }
}
