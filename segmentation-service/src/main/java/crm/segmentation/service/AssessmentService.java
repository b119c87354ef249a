package crm.segmentation.service;

import crm.segmentation.domain.CustomerSegment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
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

    /**
     * The customer the entry is for: the survivor of an id merged away, and a customer not heard of yet is known,
     * unconfirmed, from now (like one first heard of from a sale). An erased one gets no new entry: it would be
     * new personal data. The ledger's lock keeps a merge or an erasure from passing between the reads and the write.
     */
    private CustomerSegment known(UUID id) {
        privacy.lockLedgerForWrite();
        UUID customerId = privacy.survivorsOf(List.of(id)).getOrDefault(id, id);
        if (privacy.erasedAt(customerId).isPresent()) {
            throw TransactionService.gone(customerId);
        }
        CustomerSegment customer = CustomerSegment.findById(customerId);
        if (customer == null) {
            customer = new CustomerSegment();
            customer.customerId = customerId;
            customer.registeredAt = Instant.now();
            customer.unconfirmedSince = customer.registeredAt;
            customer.persist();
        }
        return customer;
    }
}
