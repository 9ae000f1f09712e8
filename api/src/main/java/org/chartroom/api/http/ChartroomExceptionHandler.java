package org.chartroom.api.http;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.chartroom.core.error.ChartroomException;
import org.chartroom.core.error.ConfigurationException;
import org.chartroom.core.error.ConflictException;
import org.chartroom.core.error.ForbiddenException;
import org.chartroom.core.error.InvalidInputException;
import org.chartroom.core.error.NotFoundException;
import org.chartroom.core.error.PayloadTooLargeException;
import org.chartroom.core.error.PreconditionFailedException;
import org.chartroom.core.error.PreconditionRequiredException;
import org.chartroom.core.error.RangeNotSatisfiableException;
import org.chartroom.core.error.UnprocessableContentException;
import org.chartroom.core.error.UnsupportedMediaTypeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where domain errors become HTTP statuses. Domain messages carry no PHI, so they are logged. */
@Produces
@Singleton
@Requires(classes = {ChartroomException.class, ExceptionHandler.class})
final class ChartroomExceptionHandler implements ExceptionHandler<ChartroomException, HttpResponse<?>> {
    private static final Logger LOG = LoggerFactory.getLogger(ChartroomExceptionHandler.class);

    private final ErrorResponseProcessor<?> errors;

    ChartroomExceptionHandler(ErrorResponseProcessor<?> errors) {
        this.errors = errors;
    }

    static HttpStatus statusOf(ChartroomException e) {
        if (e instanceof InvalidInputException) {
            return HttpStatus.BAD_REQUEST;
        } else if (e instanceof ForbiddenException) {
            return HttpStatus.FORBIDDEN;
        } else if (e instanceof NotFoundException) {
            return HttpStatus.NOT_FOUND;
        } else if (e instanceof PayloadTooLargeException) {
            return HttpStatus.REQUEST_ENTITY_TOO_LARGE;
        } else if (e instanceof UnsupportedMediaTypeException) {
            return HttpStatus.UNSUPPORTED_MEDIA_TYPE;
        } else if (e instanceof UnprocessableContentException) {
            return HttpStatus.UNPROCESSABLE_ENTITY;
        } else if (e instanceof PreconditionFailedException) {
            return HttpStatus.PRECONDITION_FAILED;
        } else if (e instanceof PreconditionRequiredException) {
            return HttpStatus.PRECONDITION_REQUIRED;
        } else if (e instanceof RangeNotSatisfiableException) {
            return HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE;
        } else if (e instanceof ConflictException) {
            return HttpStatus.CONFLICT;
        } else if (e instanceof ConfigurationException) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ChartroomException e) {
        HttpStatus status = statusOf(e);
        LOG.info("{} {} -> {} {}: {}", request.getMethodName(), request.getPath(), status.getCode(), e.kind(),
                e.logMessage());
        MutableHttpResponse<?> response = HttpResponse.status(status);
        if (e instanceof RangeNotSatisfiableException range) {
            response.header(HttpHeaders.CONTENT_RANGE, "bytes */" + range.length());
        }
        return errors.processResponse(ErrorContext.builder(request).cause(e).errorMessage(e.getMessage()).build(),
                response);
    }
}
