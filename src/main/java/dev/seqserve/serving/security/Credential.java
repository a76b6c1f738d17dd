package dev.seqserve.serving.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A secret a request sent, an admin token or an API key; once matched it carries its role. The
 * secret itself is never shown ({@link #toString()}, {@link #getCredentials()} after a match).
 */
final class Credential extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    /** Which header it came in, and the role it grants. */
    enum Kind {
        /** {@code Authorization: Bearer …}: role {@code ADMIN}. */
        ADMIN_TOKEN("admin", "ROLE_ADMIN"),
        /** {@code X-API-Key: …}: role {@code CLIENT}. */
        API_KEY("api-client", "ROLE_CLIENT");

        final String principal;
        final String role;

        Kind(String principal, String role) {
            this.principal = principal;
            this.role = role;
        }
    }

    private final Kind kind;
    private transient String secret;

    private Credential(Kind kind, String secret, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.kind = kind;
        this.secret = secret;
        setAuthenticated(!authorities.isEmpty());
    }

    /** What a request sent, not yet matched. */
    static Credential presented(Kind kind, String secret) {
        return new Credential(kind, secret, List.of());
    }

    /** A matched credential, with its role and without the secret. */
    Credential matched() {
        return new Credential(kind, null, List.of(new SimpleGrantedAuthority(kind.role)));
    }

    Kind kind() {
        return kind;
    }

    String secret() {
        return secret;
    }

    @Override
    public Object getCredentials() {
        return secret;
    }

    @Override
    public Object getPrincipal() {
        return kind.principal;
    }

    @Override
    public void eraseCredentials() {
        secret = null;
    }

    @Override
    public String toString() {
        return "Credential[" + kind + ", authenticated=" + isAuthenticated() + "]";
    }
}
