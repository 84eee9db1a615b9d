package dev.photosearch.api;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's answer to what it refuses before the router sees it (a malformed path, an over-long address, a body over
 * the limit), written as the API's {@code {error, message}} JSON instead of an HTML page, and without Jetty's own
 * wording. (A body cut off for its slow rate reaches Javalin, whose 408 {@link ApiServer} writes the same way.)
 */
final class JsonErrorHandler extends ErrorHandler {

    private static final String JSON = "application/json; charset=utf-8";

    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
        response.write(true, ByteBuffer.wrap(body(code)), callback);
    }

    static byte[] body(int status) {
        return Json.write(new ApiError(error(status), message(status))).getBytes(StandardCharsets.UTF_8);
    }

    /** The JSON body of every error. */
    record ApiError(String error, String message) {}

    private static String error(int status) {
        return switch (status) {
            case 413 -> "too_large";
            case 500 -> "internal";
            default -> HttpStatus.getMessage(status).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        };
    }

    static String message(int status) {
        return switch (status) {
            case 400 -> "the request is malformed: a path that climbs above the root with '..', an encoded NUL"
                    + " or slash, or bytes that are not UTF-8";
            case 408 -> "the request did not arrive in time (its body came too slowly)";
            case 413 -> "the request body is larger than " + ServerLimits.MAX_BODY_BYTES + " bytes";
            case 414, 431 -> "the request's address or headers are longer than " + ServerLimits.MAX_HEADER_BYTES
                    + " bytes";
            case 500 -> "the server failed to answer; the log says why";
            default -> HttpStatus.getMessage(status);
        };
    }
}
