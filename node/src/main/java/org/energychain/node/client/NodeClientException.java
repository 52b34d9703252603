package org.energychain.node.client;

/**
 * A refusal or failure seen by {@link NodeClient}: the HTTP status (0 when the node could not be
 * reached), the API's reason code ({@code REPLAYED}, {@code UNAUTHENTICATED}, ...) and its message; for a
 * refused submission also the transaction's id when the node could read it.
 */
public final class NodeClientException extends RuntimeException {
    private final int status;
    private final String code;
    private final String txId;

    public NodeClientException(int status, String code, String message) {
        this(status, code, message, null);
    }

    public NodeClientException(int status, String code, String message, String txId) {
        super(message);
        this.status = status;
        this.code = code;
        this.txId = txId;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The id of the refused transaction, or null (not a submission, or not a transaction). */
    public String txId() {
        return txId;
    }
}
