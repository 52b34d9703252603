package org.energychain.node.api;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.jspecify.annotations.Nullable;

/**
 * Bounds the time to receive a request body, from the moment its headers are in: when the last byte has
 * not arrived by then, reading the body fails (the API answers 408 {@code REQUEST_TIMEOUT} and the
 * connection is closed). The idle timeout alone bounds only the gap between two bytes, so a client
 * sending one byte every few seconds would hold a worker thread for as long as it liked.
 */
final class RequestReadDeadline extends Handler.Wrapper {
    private final long timeoutMillis;

    RequestReadDeadline(Duration timeout) {
        this.timeoutMillis = timeout.toMillis();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        boolean hasBody = request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        if (!hasBody) {
            return super.handle(request, response, callback);
        }
        Deadline deadline = new Deadline(request);
        deadline.task = request.getComponents().getScheduler().schedule(deadline::expire, timeoutMillis,
                TimeUnit.MILLISECONDS);
        boolean handled = super.handle(deadline, response, Callback.from(deadline::finish, callback));
        if (!handled) {
            deadline.finish();
        }
        return handled;
    }

    /** The request as the application reads it: its body fails once the deadline has passed. */
    private final class Deadline extends Request.Wrapper {
        private volatile Scheduler.@Nullable Task task;
        private volatile boolean complete;

        Deadline(Request request) {
            super(request);
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk chunk = super.read();
            if (chunk != null && chunk.isLast()) {
                finish();
            }
            return chunk;
        }

        void finish() {
            complete = true;
            Scheduler.Task t = task;
            if (t != null) {
                t.cancel();
            }
        }

        void expire() {
            if (!complete) {
                fail(new TimeoutException("request body not received within " + timeoutMillis + " ms"));
            }
        }
    }
}
