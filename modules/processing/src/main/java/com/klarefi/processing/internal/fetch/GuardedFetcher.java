package com.klarefi.processing.internal.fetch;

import com.klarefi.processing.api.DocumentFailure;
import com.klarefi.processing.api.DocumentFailure.Code;
import com.klarefi.processing.api.DocumentFetcher;
import com.klarefi.processing.api.FetchSettings;
import com.klarefi.processing.api.FetchedDocument;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * Fetches with the SSRF policy applied to every hop: resolve once, refuse if any address of the
 * host is refused (a host mixing public and private answers is a rebinding attempt), then connect
 * to the first checked address and nothing else.
 */
final class GuardedFetcher implements DocumentFetcher {
    private final FetchSettings settings;
    private final HostResolver resolver;
    private final AddressPolicy policy;
    private final PinnedHop hop;

    GuardedFetcher(FetchSettings settings, HostResolver resolver, List<X509Certificate> trustedCertificates) {
        this.settings = settings;
        this.resolver = resolver;
        this.policy = new AddressPolicy(settings.allowedCidrs().stream().map(Cidr::parse).toList());
        this.hop = new PinnedHop(settings, trustedCertificates);
    }

    @Override
    public FetchedDocument fetch(String url) {
        long deadline = BoundedBody.deadline(settings.totalTimeout());
        DocumentUrl current = DocumentUrl.parse(url);
        for (int redirects = 0; ; redirects++) {
            InetAddress address = checkedAddress(current.host());
            HopResult result = hop.get(current, address, deadline);
            switch (result) {
                case HopResult.Body body -> {
                    return new FetchedDocument(body.content(), current.uri(), body.status(), body.contentType());
                }
                case HopResult.Redirect redirect -> {
                    if (redirects >= settings.maxRedirects()) {
                        throw new DocumentFailure(Code.FETCH_FAILED,
                                "the document's server redirected more than " + settings.maxRedirects() + " times");
                    }
                    current = current.redirectTo(redirect.location());
                }
            }
        }
    }

    private InetAddress checkedAddress(String host) {
        List<InetAddress> addresses = resolve(host);
        for (InetAddress address : addresses) {
            Optional<String> refusal = policy.refusal(address);
            if (refusal.isPresent()) {
                throw new DocumentFailure(Code.URL_NOT_ALLOWED, "the document URL's host resolves to a "
                        + refusal.get() + " address, which may not be fetched from (rule " + refusal.get()
                        + "; an operator can allow a range with " + FetchSettings.ALLOWED_CIDRS + ")");
            }
        }
        return addresses.getFirst();
    }

    private List<InetAddress> resolve(String host) {
        try {
            List<InetAddress> addresses = resolver.resolve(host);
            if (addresses.isEmpty()) {
                throw new UnknownHostException(host);
            }
            return addresses;
        } catch (UnknownHostException e) {
            throw new DocumentFailure(Code.FETCH_FAILED, "the document URL's host could not be resolved",
                    true, null, null);
        }
    }
}
