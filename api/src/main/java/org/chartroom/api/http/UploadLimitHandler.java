package org.chartroom.api.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.exceptions.ContentLengthExceededHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.chartroom.api.runtime.ChartroomRuntime;
import org.chartroom.core.error.PayloadTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An upload larger than the body limit is stopped by the server while it streams in; this answers 413 with a reason
 * that names the limit and the setting, in the same words as the intake's own check.
 */
@Produces
@Singleton
@Replaces(ContentLengthExceededHandler.class)
final class UploadLimitHandler implements ExceptionHandler<ContentLengthExceededException, HttpResponse<?>> {
    private static final Logger LOG = LoggerFactory.getLogger(UploadLimitHandler.class);

    private final ErrorResponseProcessor<?> errors;
    private final ChartroomRuntime runtime;

    UploadLimitHandler(ErrorResponseProcessor<?> errors, ChartroomRuntime runtime) {
        this.errors = errors;
        this.runtime = runtime;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ContentLengthExceededException exception) {
        PayloadTooLargeException e = new PayloadTooLargeException("upload exceeds the limit of "
                + runtime.settings().maxUploadBytes() + " bytes (set CHARTROOM_MAX_UPLOAD_BYTES to change it)");
        LOG.info("{} {} -> 413 {}", request.getMethodName(), request.getPath(), e.getMessage());
        return errors.processResponse(ErrorContext.builder(request).cause(e).errorMessage(e.getMessage()).build(),
                HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE));
    }
}
