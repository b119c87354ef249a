package crm.rest;

/**
 * The token the gateway signs for each request it forwards, as the services read it: who calls
 * ({@code sub}, {@code upn}), with which roles ({@code groups}, {@link Roles}), and for a till the
 * source it is bound to. The services verify issuer and audience ({@code mp.jwt.verify.*}).
 */
public final class CallerToken {
    public static final String ISSUER = "crm-gateway";
    public static final String AUDIENCE = "crm-services";
    /** The till or integration source a pos key records for; absent when the caller is bound to none. */
    public static final String SOURCE_CLAIM = "crm_source";

    private CallerToken() {
    }
}
