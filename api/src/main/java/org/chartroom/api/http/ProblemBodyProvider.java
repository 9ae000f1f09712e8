package org.chartroom.api.http;

import io.micronaut.context.annotation.Primary;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.stream.Collectors;
import org.chartroom.core.error.ChartroomException;

/**
 * Renders every error the server answers with (ours and Micronaut's own: 404 route, 405, 413, conversion errors)
 * as an RFC 9457 problem, so clients see one error format.
 */
@Singleton
@Primary
final class ProblemBodyProvider implements JsonErrorResponseBodyProvider<Problem> {

    @Override
    public Problem body(ErrorContext context, HttpResponse<?> response) {
        int status = response.code();
        String kind = context.getRootCause()
                .filter(ChartroomException.class::isInstance)
                .map(e -> ((ChartroomException) e).kind())
                .orElseGet(() -> response.reason().toLowerCase(Locale.ROOT).replace(' ', '-'));
        String detail = context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
        if (detail.isBlank()) {
            detail = response.reason();
        }
        return new Problem(Problem.typeFor(kind), response.reason(), status, detail, context.getRequest().getPath());
    }

    @Override
    public String contentType() {
        return Problem.MEDIA_TYPE;
    }
}
