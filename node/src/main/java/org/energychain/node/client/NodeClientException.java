package org.energychain.node.client;

/**
 * A refusal or failure seen by {@link NodeClient}: the HTTP status (0 when the node could not be
 * reached), the API's reason code ({@code REPLAYED}, {@code UNAUTHENTICATED}, ...) and its message.
 */
public final class NodeClientException extends RuntimeException {
    private final int status;
    private final String code;

    public NodeClientException(int status, String code, String message) {
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
