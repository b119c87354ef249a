package crm.segmentation.service;

import crm.rest.ProblemException;
import crm.segmentation.config.SegmentationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Currency;

/** The ledger's money rules: known ISO 4217 currencies it keeps, amounts exact to the currency's decimals. */
@ApplicationScoped
public class Money {
    private final SegmentationConfig config;

    public Money(SegmentationConfig config) {
        this.config = config;
    }

    /** The currency, or 400 naming {@code field} if it is unknown or not kept here. */
    public Currency currency(String code, String field) {
        Currency currency;
        try {
            currency = Currency.getInstance(code);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.invalid(field, "unknown currency " + code + " (ISO 4217)");
        }
        if (!config.currencies().contains(currency.getCurrencyCode())) {
            throw ProblemException.invalid(field, "this ledger keeps " + config.currencies());
        }
        return currency;
    }

    /** 400 naming {@code field} if the amount is negative or has more decimals than the currency. */
    public void requireAmount(BigDecimal amount, Currency currency, String field) {
        if (amount.signum() < 0) {
            throw ProblemException.invalid(field, "must not be negative");
        }
        int digits = currency.getDefaultFractionDigits();
        if (amount.stripTrailingZeros().scale() > digits) {
            throw ProblemException.invalid(field, "has more than " + digits + " decimals, which "
                    + currency.getCurrencyCode() + " allows");
        }
    }
}
