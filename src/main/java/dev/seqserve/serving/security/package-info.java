/**
 * Who may call what: the admin API needs the configured bearer token, inference needs one of the
 * configured API keys when any is set, everything else is open; secrets are compared in constant
 * time, refusals are problem+json, and every answer carries Spring Security's protective headers.
 */
package dev.seqserve.serving.security;
