package com.klarefi.platform.http;

import io.helidon.common.uri.UriQuery;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.ServerResponseTrailers;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * The answer to HEAD (RFC 9110, 9.3.2): whatever the GET handler sets, status and headers, with
 * the content left out. Helidon has no HEAD of its own, and a body sent after a HEAD is read by a
 * keep-alive client as the start of the next response. The length of content sent whole is kept
 * in {@code Content-Length}, as GET would have said it; streamed content is counted and dropped.
 */
final class HeadResponse implements ServerResponse {
    private final ServerResponse delegate;

    HeadResponse(ServerResponse delegate) {
        this.delegate = delegate;
    }

    @Override
    public void send(byte[] bytes) {
        sendWithoutContent(bytes.length);
    }

    @Override
    public void send(byte[] bytes, int position, int length) {
        sendWithoutContent(length);
    }

    @Override
    public void send(Object entity) {
        switch (entity) {
            case byte[] bytes -> sendWithoutContent(bytes.length);
            case String text -> sendWithoutContent(text.getBytes(StandardCharsets.UTF_8).length);
            default -> delegate.send();
        }
    }

    @Override
    public void send() {
        delegate.send();
    }

    private void sendWithoutContent(long length) {
        delegate.header(HeaderNames.CONTENT_LENGTH, Long.toString(length));
        delegate.send();
    }

    /** Streamed content: its length is not known before it is written, so no length is claimed. */
    @Override
    public OutputStream outputStream() {
        return new OutputStream() {
            private boolean closed;

            @Override
            public void write(int b) {}

            @Override
            public void write(byte[] bytes, int offset, int length) {}

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    delegate.send();
                }
            }
        };
    }

    @Override
    public ServerResponse status(Status status) {
        delegate.status(status);
        return this;
    }

    @Override
    public Status status() {
        return delegate.status();
    }

    @Override
    public ServerResponse header(Header header) {
        delegate.header(header);
        return this;
    }

    @Override
    public boolean isSent() {
        return delegate.isSent();
    }

    @Override
    public long bytesWritten() {
        return delegate.bytesWritten();
    }

    @Override
    public ServerResponse beforeSend(Runnable beforeSendTask) {
        delegate.beforeSend(beforeSendTask);
        return this;
    }

    @Override
    public ServerResponse whenSent(Runnable listener) {
        delegate.whenSent(listener);
        return this;
    }

    @Override
    public ServerResponse reroute(String newPath) {
        delegate.reroute(newPath);
        return this;
    }

    @Override
    public ServerResponse reroute(String path, UriQuery query) {
        delegate.reroute(path, query);
        return this;
    }

    @Override
    public ServerResponse next() {
        delegate.next();
        return this;
    }

    @Override
    public ServerResponseHeaders headers() {
        return delegate.headers();
    }

    @Override
    public ServerResponseTrailers trailers() {
        return delegate.trailers();
    }

    @Override
    public void streamResult(String result) {
        delegate.streamResult(result);
    }

    @Override
    public void streamFilter(UnaryOperator<OutputStream> filterFunction) {
        delegate.streamFilter(filterFunction);
    }
}
