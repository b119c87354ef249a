package crm.rest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.Instant;

/**
 * The times a request may name for something that happened (a sale, a touch point, a survey answer):
 * {@link PlausibleTime} (prefix {@code crm.dates}). A sale dated years ahead would count in periods
 * not yet begun and make a ledger partition for each month it names.
 */
@ConfigMapping(prefix = "crm.dates")
public interface DatesConfig {

    /** How far past this server's clock such a time may be: a till's clock running ahead, a time zone typed wrong. */
    @WithDefault("P1D")
    Duration ahead();

    /** No such time is earlier: before the business kept records (the tests' oldest sales are of 2001). */
    @WithDefault("2000-01-01T00:00:00Z")
    Instant earliest();
}
