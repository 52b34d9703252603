package org.energychain.node.api;

/**
 * A refusal of the REST API: HTTP status, a stable reason code for programs ({@code BAD_SIGNATURE},
 * {@code UNKNOWN_CHAIN}, ...) and a message for people. Rendered as
 * {@code {"error": code, "message": ...}}.
 */
public final class ApiError extends RuntimeException {
    private final int status;
    private final String code;

    public ApiError(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The reason code of an error that has no more specific one than its HTTP status. */
    public static String codeOf(int status) {
        return switch (status) {
            case 400 -> "MALFORMED";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 408 -> "REQUEST_TIMEOUT";
            case 413 -> "BODY_TOO_LARGE";
            case 414 -> "URI_TOO_LONG";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 431 -> "HEADERS_TOO_LARGE";
            case 500 -> "INTERNAL";
            case 503 -> "UNAVAILABLE";
            default -> "HTTP_" + status;
        };
    }
}
