package crm.customer.service;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import crm.customer.config.CustomerConfig;
import crm.customer.domain.CustomerIdentifier;
import crm.customer.domain.IdentifierKind;
import crm.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Brings identifiers to one canonical form, so the counter finds the customer however a number
 * was typed, and guards the rule that an identifier names at most one customer.
 */
@ApplicationScoped
public class Identifiers {
    private static final Pattern BLANKS = Pattern.compile("[\\s-]+");
    // One @, no blanks, a dotted domain: what a guest can actually receive mail at.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    public Identifiers(CustomerConfig config) {
        this.defaultRegion = config.defaultPhoneRegion();
    }

    /** The canonical value, or 400 naming {@code field} if it is not a valid identifier of that kind. */
    public String normalize(IdentifierKind kind, String raw, String field) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            throw ProblemException.invalid(field, "must not be blank");
        }
        return switch (kind) {
            case PHONE -> phone(value, field);
            case EMAIL -> {
                if (!EMAIL.matcher(value).matches()) {
                    throw ProblemException.invalid(field, "must be a well-formed email address");
                }
                yield value.toLowerCase(Locale.ROOT);
            }
            case LICENSE_PLATE -> BLANKS.matcher(value).replaceAll("").toUpperCase(Locale.ROOT);
            case LOYALTY_CARD, MEMBERSHIP -> BLANKS.matcher(value).replaceAll("");
            case EXTERNAL -> value;
        };
    }

    /** 409 if another customer already holds the identifier. */
    public void ensureFree(IdentifierKind kind, String value, UUID owner, String field) {
        CustomerIdentifier.find(kind, value)
                .filter(held -> !held.customer.id.equals(owner))
                .ifPresent(held -> {
                    throw ProblemException.conflict(field, value + " already identifies another customer");
                });
    }

    private String phone(String raw, String field) {
        try {
            Phonenumber.PhoneNumber number = phones.parse(raw, defaultRegion);
            if (phones.isValidNumber(number)) {
                return phones.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
            }
        } catch (NumberParseException e) {
            // reported below, with the same message as a well-formed but impossible number
        }
        throw ProblemException.invalid(field, "not a valid phone number (give it with its country code, or as a "
                + defaultRegion + " number)");
    }
}
