package org.chartroom.api.http;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives every request an id ({@code X-Request-Id}, taken from the client when it is a plausible token) and logs one
 * line per request: method, path, status, milliseconds. Never the query string or body: a search query or an upload
 * may hold PHI.
 */
@ServerFilter("/**")
final class RequestLog implements Ordered {
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();  // outermost, so refused requests are logged too
    }

    static final String HEADER = "X-Request-Id";
    private static final Logger LOG = LoggerFactory.getLogger("org.chartroom.access");
    private static final String STARTED = "chartroom.started";
    private static final String ID = "chartroom.requestId";

    @RequestFilter
    void start(HttpRequest<?> request) {
        String given = request.getHeaders().get(HEADER);
        String id = given != null && given.matches("[A-Za-z0-9._-]{1,64}") ? given : UUID.randomUUID().toString();
        request.setAttribute(ID, id);
        request.setAttribute(STARTED, System.nanoTime());
    }

    @ResponseFilter
    void finish(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String id = request.getAttribute(ID, String.class).orElse("-");
        response.header(HEADER, id);
        long millis = request.getAttribute(STARTED, Long.class)
                .map(t -> (System.nanoTime() - t) / 1_000_000).orElse(-1L);
        LOG.info("{} {} {} {}ms request={}", request.getMethodName(), request.getPath(), response.code(), millis, id);
    }
}
