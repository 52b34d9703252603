package org.energychain.node.api;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeoutException;

/**
 * The body of a request, read once and never beyond {@code max-body-bytes}, whatever the transfer
 * encoding: a declared {@code Content-Length} above it is refused before a byte is read, a chunked body
 * as soon as the bytes read pass it (413 {@code BODY_TOO_LARGE}). A body that does not arrive within the
 * request read timeout is 408 {@code REQUEST_TIMEOUT}.
 */
final class RequestBody {
    private static final String ATTRIBUTE = "ec.body";

    private RequestBody() {
    }

    static byte[] of(Context ctx, long max) {
        byte[] cached = ctx.attribute(ATTRIBUTE);
        if (cached != null) {
            return cached;
        }
        long declared = ctx.req().getContentLengthLong();
        if (declared > max) {
            throw tooLarge(declared + " bytes declared", max);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Math.max(declared, 256), 1 << 16));
        byte[] buf = new byte[1 << 14];
        long total = 0;
        try {
            InputStream in = ctx.req().getInputStream();
            int n;
            while ((n = in.read(buf)) != -1) {
                total += n;
                if (total > max) {
                    throw tooLarge("more than " + max + " bytes sent", max);
                }
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            if (hasCause(e, TimeoutException.class)) {
                throw new ApiError(408, "REQUEST_TIMEOUT", "the request body did not arrive in time: " + e.getMessage());
            }
            throw new ApiError(400, "MALFORMED", "the request body could not be read: " + e);
        }
        byte[] body = out.toByteArray();
        ctx.attribute(ATTRIBUTE, body);
        return body;
    }

    private static ApiError tooLarge(String what, long max) {
        return new ApiError(413, "BODY_TOO_LARGE", "request body too large: " + what + ", at most " + max
                + " accepted (max-body-bytes)");
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
