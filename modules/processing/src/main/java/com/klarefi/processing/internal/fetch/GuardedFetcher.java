package com.klarefi.processing.internal.fetch;

import com.klarefi.platform.net.AddressGuard;
import com.klarefi.platform.net.AddressPolicy;
import com.klarefi.platform.net.Cidr;
import com.klarefi.platform.net.HostResolver;
import com.klarefi.processing.api.DocumentFailure;
import com.klarefi.processing.api.DocumentFailure.Code;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Fetches with the SSRF policy ({@link AddressGuard}) applied to every hop, connecting to the
 * checked address and nothing else.
 */
final class GuardedFetcher implements DocumentFetcher {
    private final FetchSettings settings;
    private final AddressGuard guard;
    private final PinnedHop hop;

    GuardedFetcher(FetchSettings settings, HostResolver resolver, List<X509Certificate> trustedCertificates) {
        this.settings = settings;
        this.guard = new AddressGuard(
                new AddressPolicy(
                        settings.allowedCidrs().stream().map(Cidr::parse).toList()),
                resolver);
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
                        throw new DocumentFailure(
                                Code.FETCH_FAILED,
                                "the document's server redirected more than " + settings.maxRedirects() + " times");
                    }
                    current = current.redirectTo(redirect.location());
                }
            }
        }
    }

    private InetAddress checkedAddress(String host) {
        try {
            return guard.check(host);
        } catch (AddressGuard.Refused refused) {
            throw new DocumentFailure(
                    Code.URL_NOT_ALLOWED,
                    "the document URL's host resolves to a "
                            + refused.rule() + " address, which may not be fetched from (rule " + refused.rule()
                            + "; an operator can allow a range with " + FetchSettings.ALLOWED_CIDRS + ")");
        } catch (UnknownHostException e) {
            throw new DocumentFailure(
                    Code.FETCH_FAILED, "the document URL's host could not be resolved", true, null, null);
        }
    }
}
