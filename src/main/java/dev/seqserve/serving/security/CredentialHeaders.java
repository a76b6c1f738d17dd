package dev.seqserve.serving.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Reads the secret a request sends: {@code Authorization: Bearer <token>}, else {@code X-API-Key: <key>};
 * each only when secrets of its kind are configured, so that a header meant for no one here (a
 * gateway's token, a key sent to a keyless deployment) changes nothing.
 */
final class CredentialHeaders implements AuthenticationConverter {

    /** The header of API keys. */
    static final String API_KEY = "X-API-Key";

    private static final String BEARER = "bearer ";

    private final boolean adminToken;
    private final boolean apiKeys;

    CredentialHeaders(boolean adminToken, boolean apiKeys) {
        this.adminToken = adminToken;
        this.apiKeys = apiKeys;
    }

    @Override
    public Authentication convert(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (adminToken && authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Credential.presented(Credential.Kind.ADMIN_TOKEN, authorization.substring(BEARER.length()).trim());
        }
        String key = request.getHeader(API_KEY);
        if (apiKeys && key != null) {
            return Credential.presented(Credential.Kind.API_KEY, key.trim());
        }
        return null;
    }
}
