package org.qualigraph.base;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Turns every failure of a REST call into the contract's JSON error: bad input is a 4xx that names the field or line,
 * never a 500 and never a stack trace. Unexpected failures are logged here and answered without internals.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(BadInputException.class)
    ResponseEntity<ApiError> badInput(BadInputException e, HttpServletRequest request) {
        return answer(HttpStatus.BAD_REQUEST, e.getMessage(), request, e.problems());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ApiError> conflict(ConflictException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_JSON)
                .body(new ApiError(HttpStatus.CONFLICT.value(), HttpStatus.CONFLICT.getReasonPhrase(), e.getMessage(),
                        request.getRequestURI(), List.of(), e.conflicts()));
    }

    @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
    ResponseEntity<ApiError> integrity(org.springframework.dao.DataIntegrityViolationException e, HttpServletRequest request) {
        log.info("Refused a write that conflicts with stored data on {}: {}", request.getRequestURI(), e.getMostSpecificCause().getMessage());
        return answer(HttpStatus.CONFLICT, "the request conflicts with data that exists already (a duplicate id or key)",
                request, List.of());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ApiError> notFound(NotFoundException e, HttpServletRequest request) {
        return answer(HttpStatus.NOT_FOUND, e.getMessage(), request, List.of());
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<ApiError> tooLarge(PayloadTooLargeException e, HttpServletRequest request) {
        return answer(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage(), request, List.of());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> uploadTooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return answer(HttpStatus.PAYLOAD_TOO_LARGE, "the upload is larger than the limit of this server", request, List.of());
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ApiError> multipart(MultipartException e, HttpServletRequest request) {
        if (e.getRootCause() instanceof PayloadTooLargeException || String.valueOf(e.getMessage()).contains("size")) {
            return answer(HttpStatus.PAYLOAD_TOO_LARGE, "the upload is larger than the limit of this server", request, List.of());
        }
        return answer(HttpStatus.BAD_REQUEST, "the multipart request could not be read: expected multipart/form-data with files",
                request, List.of());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        Throwable cause = e.getCause();
        if (cause instanceof PayloadTooLargeException tooLarge) {
            return tooLarge(tooLarge, request);
        }
        if (cause instanceof JsonProcessingException json) {
            FieldProblem problem = describe(json);
            return answer(HttpStatus.BAD_REQUEST, problem.field().isEmpty() ? problem.message()
                    : problem.field() + ": " + problem.message(), request, List.of(problem));
        }
        return answer(HttpStatus.BAD_REQUEST, "the request body is missing or is not valid JSON", request, List.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        String expected = e.getRequiredType() == null ? "another value" : e.getRequiredType().isEnum()
                ? "one of " + Arrays.toString(e.getRequiredType().getEnumConstants()) : "a " + e.getRequiredType().getSimpleName();
        return answer(HttpStatus.BAD_REQUEST, e.getName() + ": expected " + expected + ", got \"" + e.getValue() + "\"",
                request, List.of(new FieldProblem(e.getName(), "expected " + expected)));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        return answer(HttpStatus.BAD_REQUEST, e.getParameterName() + ": this parameter is required", request,
                List.of(new FieldProblem(e.getParameterName(), "required")));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ApiError> validation(HandlerMethodValidationException e, HttpServletRequest request) {
        String message = e.getAllErrors().stream().map(Object::toString).collect(Collectors.joining("; "));
        return answer(HttpStatus.BAD_REQUEST, message, request, List.of());
    }

    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void security(RuntimeException e) {
        throw e; // left to Spring Security, which answers 401/403 through the JSON entry points
    }

    @ExceptionHandler({ErrorResponseException.class, NoResourceFoundException.class,
            HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class,
            HttpMediaTypeNotAcceptableException.class, MissingServletRequestPartException.class,
            ServletRequestBindingException.class})
    ResponseEntity<ApiError> framework(Exception e, HttpServletRequest request) {
        HttpStatusCode status = ((ErrorResponse) e).getStatusCode();
        String detail = ((ErrorResponse) e).getBody().getDetail();
        return answer(HttpStatus.valueOf(status.value()), detail == null ? e.getMessage() : detail, request, List.of());
    }

    /** A write that kept meeting deadlocks after every retry: nothing was stored, and trying again is right. */
    @ExceptionHandler({org.springframework.dao.TransientDataAccessException.class,
            org.springframework.dao.ConcurrencyFailureException.class, org.neo4j.driver.exceptions.TransientException.class})
    ResponseEntity<ApiError> busy(RuntimeException e, HttpServletRequest request) {
        log.warn("Transient database failure on {} after retries: {}", request.getRequestURI(), e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "1")
                .body(new ApiError(HttpStatus.SERVICE_UNAVAILABLE.value(), HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase(),
                        "the database is busy with concurrent changes; nothing was stored, please try again",
                        request.getRequestURI(), List.of()));
    }

    /** Logged at ERROR with its stack trace under an id the client gets, so a report can be matched to the log. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e, HttpServletRequest request) {
        String id = FailureId.report(log, "on " + request.getMethod() + " " + request.getRequestURI(), e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, "internal error " + id + "; the server log has the details under this id",
                request, List.of());
    }

    static ResponseEntity<ApiError> answer(HttpStatus status, String message, HttpServletRequest request, List<FieldProblem> problems) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(new ApiError(status.value(), status.getReasonPhrase(), message, request.getRequestURI(), problems));
    }

    /** Names the JSON field (as a path like {@code units[0].dimension}) and what was wrong with it. */
    static FieldProblem describe(JsonProcessingException e) {
        if (e instanceof JsonParseException parse) {
            var location = parse.getLocation();
            return new FieldProblem("", "malformed JSON at line " + location.getLineNr() + ", column "
                    + location.getColumnNr() + ": " + parse.getOriginalMessage());
        }
        if (e instanceof JsonMappingException mapping) {
            String field = path(mapping.getPath());
            if (e instanceof UnrecognizedPropertyException unknown) {
                return new FieldProblem(field, "unknown field \"" + unknown.getPropertyName() + "\"");
            }
            if (e instanceof InvalidFormatException format && format.getTargetType() != null && format.getTargetType().isEnum()) {
                return new FieldProblem(field, "unknown value \"" + format.getValue() + "\"; allowed: "
                        + Arrays.stream(format.getTargetType().getEnumConstants()).map(Object::toString).collect(Collectors.joining(", ")));
            }
            if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
                return new FieldProblem(field, "wrong type: expected " + typeName(mismatch.getTargetType()));
            }
            String original = mapping.getOriginalMessage();
            return new FieldProblem(field, original == null ? "invalid value" : original.lines().findFirst().orElse("invalid value"));
        }
        return new FieldProblem("", "the request body is not valid JSON");
    }

    private static String typeName(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    private static String path(List<JsonMappingException.Reference> references) {
        var path = new StringBuilder();
        for (var reference : references) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            }
        }
        return path.toString();
    }
}
