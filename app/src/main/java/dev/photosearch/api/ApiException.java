package dev.photosearch.api;

/** A request that cannot be answered as asked; becomes {@code {error, message}} with its HTTP status. */
final class ApiException extends RuntimeException {

    private final int status;
    private final String error;

    ApiException(int status, String error, String message) {
        super(message);
        this.status = status;
        this.error = error;
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, "bad_request", message);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message);
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }
}
