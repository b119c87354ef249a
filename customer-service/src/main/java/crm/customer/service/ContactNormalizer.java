package crm.customer.service;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import crm.customer.config.CustomerConfig;
import crm.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/**
 * Brings phones and e-mails to one canonical form, so the counter finds the customer however
 * the number or address was typed.
 */
@ApplicationScoped
public class ContactNormalizer {
    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    public ContactNormalizer(CustomerConfig config) {
        this.defaultRegion = config.defaultPhoneRegion();
    }

    /** E.164, e.g. {@code 138 0013 8000} → {@code +8613800138000}; 400 naming {@code field} if invalid. */
    public String phone(String field, String raw) {
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

    public String email(String raw) {
        return raw.trim().toLowerCase(Locale.ROOT);
    }
}
