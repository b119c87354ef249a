package crm.gateway.security;

import java.util.Collection;
import java.util.Set;

/**
 * Who is calling, once authenticated.
 *
 * @param id     stable: {@code key:<uuid>} for an API key, {@code oidc:<subject>} for a user of the identity provider
 * @param name   what audit fields show: the key's owner id or {@code key:<name>}, the user's principal name
 * @param roles  what the caller may do
 * @param source the till or integration a POS key is bound to; null when unbound
 */
public record Caller(String id, String name, Set<String> roles, String source) {

    /** Where the front door leaves the caller on the routing context. */
    public static final String CONTEXT_KEY = "crm.caller";

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean hasAnyOf(Collection<String> allowed) {
        return allowed.stream().anyMatch(roles::contains);
    }
}
