package crm.rest;

import java.util.List;

/**
 * The roles a caller can hold: the {@code groups} claim of the token the gateway signs. Constants,
 * so {@code @RolesAllowed} can name them; the gateway checks the same routes against the same names.
 */
public final class Roles {
    /** Reception and counter staff: identify, register and serve guests. */
    public static final String FRONT_DESK = "front-desk";
    /** A till or integration that records sales and refunds, and identifies guests at the counter. */
    public static final String POS = "pos";
    /** Reads the pyramid, mobility, strategies, curves and survey results. */
    public static final String ANALYST = "analyst";
    /** Looks after key customers: assessments, wallets, complaint ownership. */
    public static final String ACCOUNT_MANAGER = "account-manager";
    /** Merges duplicates, exports and erases personal data. */
    public static final String PRIVACY_OFFICER = "privacy-officer";
    /** Defines journeys and surveys, closes periods. */
    public static final String ADMIN = "admin";

    public static final List<String> ALL = List.of(FRONT_DESK, POS, ANALYST, ACCOUNT_MANAGER, PRIVACY_OFFICER, ADMIN);

    private Roles() {
    }
}
