package org.chartroom.api.http;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Security headers on every answer: HSTS (the server speaks HTTPS only), no MIME sniffing, no framing, a strict
 * content security policy (the page loads only its own script and style), no referrer, and no caching of API answers
 * (they hold PHI).
 */
@ServerFilter("/**")
final class SecureHeaders implements Ordered {
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();  // outside security, so refusals get the headers too
    }

    @ResponseFilter
    void add(HttpRequest<?> request, MutableHttpResponse<?> response) {
        var h = response.getHeaders();
        if (request.isSecure()) {
            h.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        h.set("X-Content-Type-Options", "nosniff");
        h.set("X-Frame-Options", "DENY");
        h.set("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; form-action 'self'");
        h.set("Referrer-Policy", "no-referrer");
        if (request.getPath().startsWith("/api/") || request.getPath().equals("/login")) {
            h.set("Cache-Control", "no-store");
        }
    }
}
