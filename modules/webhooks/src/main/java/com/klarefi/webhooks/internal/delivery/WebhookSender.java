package com.klarefi.webhooks.internal.delivery;

import com.klarefi.platform.net.AddressGuard;
import com.klarefi.platform.net.PinnedClients;
import io.helidon.common.tls.Tls;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.Proxy;
import io.helidon.webclient.api.WebClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLException;

/**
 * POSTs one signed request to an endpoint, applying the SSRF rules to the address it resolves to
 * at this moment (an endpoint's DNS may change after registration) and connecting to that address
 * only. Never follows redirects: a receiver that moved must be updated by its owner.
 */
public final class WebhookSender {
    static final int RESPONSE_BODY_CHARS = 1024;
    private static final int RESPONSE_BODY_READ_BYTES = 4096;

    private final AddressGuard guard;
    private final Duration timeout;
    private final PinnedClients clients;

    public WebhookSender(AddressGuard guard, Duration timeout) {
        this.guard = guard;
        this.timeout = timeout;
        Tls tls = Tls.builder().endpointIdentificationAlgorithm("HTTPS").build();
        this.clients = new PinnedClients(client -> client.followRedirects(false)
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .keepAlive(false)
                .shareConnectionCache(false)
                .proxy(Proxy.noProxy())
                .tls(tls));
    }

    public SendResult post(EndpointUrl url, Map<String, String> headers, String body) {
        long started = System.nanoTime();
        InetAddress address;
        try {
            address = guard.check(url.host());
        } catch (AddressGuard.Refused refused) {
            return SendResult.failed("url_not_allowed", refused.getMessage(), since(started));
        } catch (UnknownHostException e) {
            return SendResult.failed("dns_error", "the endpoint's host could not be resolved", since(started));
        }
        WebClient client = clients.client(url.host(), address);
        var request = client.post()
                .uri(url.uri())
                .header(HeaderNames.CONTENT_TYPE, "application/json")
                .header(HeaderNames.USER_AGENT, "Klarefi-Webhooks/1");
        headers.forEach((name, value) -> request.header(HeaderNames.create(name), value));
        try (HttpClientResponse response = request.submit(body.getBytes(StandardCharsets.UTF_8))) {
            String start = readStart(response.inputStream());
            return SendResult.answered(
                    response.status().code(), start, response.headers().first(HeaderNames.RETRY_AFTER), since(started));
        } catch (RuntimeException e) {
            return classify(e, since(started));
        }
    }

    /**
     * The start of the body, for the attempt log. The status line is the receiver's answer: a body
     * that ends when the receiver closes the connection (HTTP/1.0, or HTTP/1.1 without a length, as
     * RFC 9112 section 6.3 allows) ends the read here with an exception from the client, and then what
     * arrived before the close is the body.
     */
    private static String readStart(InputStream in) {
        byte[] bytes = new byte[RESPONSE_BODY_READ_BYTES];
        int filled = 0;
        try {
            int read;
            while (filled < bytes.length && (read = in.read(bytes, filled, bytes.length - filled)) != -1) {
                filled += read;
            }
        } catch (IOException | RuntimeException endedByClose) {
            // the body so far is all there is
        }
        String text = new String(bytes, 0, filled, StandardCharsets.UTF_8);
        return text.length() > RESPONSE_BODY_CHARS ? text.substring(0, RESPONSE_BODY_CHARS) : text;
    }

    private SendResult classify(Exception thrown, Duration duration) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException) {
                return SendResult.failed(
                        "tls_error",
                        "the TLS connection failed (certificate not trusted or not for this host)",
                        duration);
            }
            if (cause instanceof SocketTimeoutException) {
                return SendResult.failed(
                        "timeout", "the endpoint did not answer within " + timeout.toSeconds() + " s", duration);
            }
            if (cause instanceof ConnectException) {
                return SendResult.failed("connection_refused", "the endpoint refused the connection", duration);
            }
        }
        return SendResult.failed("connection_error", "the connection to the endpoint failed", duration);
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
