package crm.segmentation.service;

import crm.rest.ProblemException;
import crm.segmentation.domain.CustomerSegment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

/** What account managers enter about a customer: the wallet, the fit of our capabilities, their needs. */
@ApplicationScoped
public class AssessmentService {
    private final Money money;
    private final PrivacyStore privacy;

    public AssessmentService(Money money, PrivacyStore privacy) {
        this.money = money;
        this.privacy = privacy;
    }

    /** {@code by}: the caller's name, for the audit. */
    @Transactional
    public CustomerSegment wallet(UUID customerId, BigDecimal amount, String currencyCode, String by) {
        Currency currency = money.currency(currencyCode, "currency");
        money.requireAmount(amount, currency, "amount");
        CustomerSegment customer = known(customerId);
        customer.wallet = amount;
        customer.walletCurrency = currency.getCurrencyCode();
        customer.walletUpdatedAt = Instant.now();
        customer.walletUpdatedBy = by;
        return customer;
    }

    /** {@code by}: the caller's name, for the audit. */
    @Transactional
    public CustomerSegment assess(UUID customerId, CustomerSegment.Fit fit, CustomerSegment.Needs needs, String by) {
        CustomerSegment customer = known(customerId);
        customer.capabilityFit = fit;
        customer.needs = needs;
        customer.assessedBy = by;
        customer.assessedAt = Instant.now();
        return customer;
    }

    /** A customer erased here gets no new assessment: it would be new personal data. */
    private CustomerSegment known(UUID customerId) {
        if (privacy.erasedAt(customerId).isPresent()) {
            throw TransactionService.gone(customerId);
        }
        CustomerSegment customer = CustomerSegment.findById(customerId);
        if (customer == null) {
            throw ProblemException.notFound("No customer with id " + customerId + " is known to segmentation");
        }
        return customer;
    }
}
