package com.klarefi.processing.internal.fetch;

import com.klarefi.platform.net.PinnedClients;
import com.klarefi.processing.api.DocumentFailure;
import com.klarefi.processing.api.DocumentFailure.Code;
import io.helidon.common.tls.Tls;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.Proxy;
import io.helidon.webclient.api.WebClient;
import java.io.IOException;
import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One GET to one checked address. The client's only resolver is the pinned one (a client per host
 * and address, {@link PinnedClients}), with no proxy (a proxy would resolve the name itself), no
 * connection reuse and no automatic redirects (every hop must pass the policy again).
 */
final class PinnedHop {
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final FetchSettings settings;
    private final PinnedClients clients;

    /** {@code trustedCertificates} replace the JDK's certificate authorities when not empty. */
    PinnedHop(FetchSettings settings, List<X509Certificate> trustedCertificates) {
        this.settings = settings;
        Tls tls = Tls.builder()
                .endpointIdentificationAlgorithm("HTTPS")
                .trust(List.copyOf(trustedCertificates))
                .build();
        this.clients = new PinnedClients(client -> client.followRedirects(false)
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .keepAlive(false)
                .shareConnectionCache(false)
                .proxy(Proxy.noProxy())
                .tls(tls));
    }

    HopResult get(DocumentUrl url, InetAddress checked, long deadlineNanos) {
        WebClient client = clients.client(url.host(), checked);
        try (HttpClientResponse response = client.get()
                .uri(url.uri())
                .header(HeaderNames.ACCEPT_ENCODING, "identity")
                .request()) {
            return read(response, deadlineNanos);
        } catch (DocumentFailure failure) {
            throw failure;
        } catch (IOException | RuntimeException e) {
            throw ConnectionFailures.classify(e);
        }
    }

    private HopResult read(HttpClientResponse response, long deadlineNanos) throws IOException {
        int status = response.status().code();
        Optional<String> location = response.headers().first(HeaderNames.LOCATION);
        if (REDIRECTS.contains(status) && location.isPresent()) {
            return new HopResult.Redirect(location.get());
        }
        if (status < 200 || status > 299) {
            boolean retryLater = status >= 500 || status == 408 || status == 429;
            throw new DocumentFailure(
                    Code.FETCH_FAILED, "the document's server answered HTTP " + status, retryLater, status, null);
        }
        if (response.headers().contentLength().orElse(0) > settings.maxBytes()) {
            throw BoundedBody.tooLarge(settings.maxBytes());
        }
        byte[] content = BoundedBody.read(response.inputStream(), settings.maxBytes(), deadlineNanos);
        return new HopResult.Body(content, status, response.headers().first(HeaderNames.CONTENT_TYPE));
    }
}
