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
}
