package dev.seqserve.serving.security;

import dev.seqserve.serving.SeqserveProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * The one security filter chain. {@code /admin/**} needs the admin token ({@code seqserve.admin.token});
 * without one configured the admin API is off and its paths are unknown (404). Inference
 * ({@code /sentiment}, {@code /forecast}, and the V2 protocol's {@code .../infer} paths) needs an API key when
 * {@code seqserve.api-keys} holds any, else it is open; so is everything else, V2 health and metadata among it (health details need the
 * admin role, see {@code management.endpoint.health}). No sessions, no cookies, so no CSRF tokens;
 * Spring Security's default headers ({@code X-Content-Type-Options: nosniff},
 * {@code Cache-Control: no-store, …}, {@code X-Frame-Options}) go on every answer.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfiguration {

    /** The paths that run models, which API keys protect when configured. */
    static final String[] INFERENCE = {"/sentiment", "/forecast", "/v2/models/*/infer", "/v2/models/*/versions/*/infer"};

    /**
     * No Spring Security observations: it would otherwise wrap every filter of its chain, and the
     * authentication and authorization managers, in an observation on every request, for traces this
     * service does not export ({@code http.server.requests} and seqserve's own timers stay). A predicate
     * that turns the observations off keeps the wrappers and their per-request cost; this setting
     * leaves them out.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Also keeps Spring Boot from creating its default user with a generated password. */
    @Bean
    AuthenticationManager credentialCheck(SeqserveProperties properties) {
        return new ProviderManager(new CredentialCheck(properties));
    }

    @Bean
    SecurityFilterChain seqserveSecurity(HttpSecurity http, SeqserveProperties properties, AuthenticationManager manager,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) throws Exception {
        ProblemResponses problems = new ProblemResponses(resolver);
        boolean admin = properties.admin().enabled();
        boolean keys = !properties.apiKeys().isEmpty();
        AuthenticationFilter credentials = new AuthenticationFilter(manager, new CredentialHeaders(admin, keys));
        credentials.setSuccessHandler((request, response, authentication) -> { });
        credentials.setFailureHandler(new AuthenticationEntryPointFailureHandler(problems));
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(credentials, AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(auth -> {
                    if (admin) {
                        auth.requestMatchers("/admin/**").hasRole("ADMIN");
                    }
                    if (keys) {
                        auth.requestMatchers(INFERENCE).hasAnyRole("CLIENT", "ADMIN");
                    }
                    auth.anyRequest().permitAll();
                })
                .build();
    }
}
