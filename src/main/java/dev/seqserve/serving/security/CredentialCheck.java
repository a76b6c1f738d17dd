package dev.seqserve.serving.security;

import dev.seqserve.serving.SeqserveProperties;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/**
 * Matches a {@link Credential} against the configured admin token or API keys. A secret of a kind
 * that is not configured never matches.
 */
final class CredentialCheck implements AuthenticationProvider {

    private final Secrets adminToken;
    private final Secrets apiKeys;

    CredentialCheck(SeqserveProperties properties) {
        this.adminToken = new Secrets(properties.admin().enabled() ? List.of(properties.admin().token()) : List.of());
        this.apiKeys = new Secrets(properties.apiKeys());
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        Credential credential = (Credential) authentication;
        Secrets secrets = credential.kind() == Credential.Kind.ADMIN_TOKEN ? adminToken : apiKeys;
        if (secrets.isEmpty() || !secrets.matches(credential.secret())) {
            throw new BadCredentialsException(credential.kind() == Credential.Kind.ADMIN_TOKEN
                    ? "The bearer token is not valid." : "The API key is not valid.");
        }
        return credential.matched();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return Credential.class.isAssignableFrom(authentication);
    }
}
