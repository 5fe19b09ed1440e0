package com.klarefi.webhooks.internal.delivery;

import com.klarefi.platform.net.AddressGuard;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * What an endpoint URL must satisfy: a valid http(s) URL, https for live endpoints unless the
 * operator allows http, and (when registering) a host whose addresses pass the SSRF rules. The
 * sender checks the address again at every delivery.
 */
public final class EndpointRules {
    private final AddressGuard guard;
    private final boolean liveHttpAllowed;

    public EndpointRules(AddressGuard guard, boolean liveHttpAllowed) {
        this.guard = guard;
        this.liveHttpAllowed = liveHttpAllowed;
    }

    /** Why the URL cannot be registered for the environment, or empty when it can. */
    public Optional<Refusal> refusalToRegister(String text, String environment) {
        EndpointUrl.Result parsed = EndpointUrl.parse(text);
        if (parsed.url().isEmpty()) {
            return Optional.of(new Refusal("invalid_url", parsed.problem()));
        }
        Optional<Refusal> scheme = schemeRefusal(parsed.url().get(), environment);
        if (scheme.isPresent()) {
            return scheme;
        }
        try {
            guard.check(parsed.url().get().host());
            return Optional.empty();
        } catch (AddressGuard.Refused refused) {
            return Optional.of(new Refusal("url_not_allowed", "the URL's " + refused.getMessage()));
        } catch (UnknownHostException e) {
            return Optional.of(new Refusal("url_not_resolvable", "the URL's host does not resolve"));
        }
    }

    /** The URL to send to, or why it may not be sent to; the address is checked by the sender. */
    public Optional<Refusal> refusalToSend(String text, String environment) {
        EndpointUrl.Result parsed = EndpointUrl.parse(text);
        if (parsed.url().isEmpty()) {
            return Optional.of(new Refusal("invalid_url", parsed.problem()));
        }
        return schemeRefusal(parsed.url().get(), environment);
    }

    private Optional<Refusal> schemeRefusal(EndpointUrl url, String environment) {
        if (!url.https() && "live".equals(environment) && !liveHttpAllowed) {
            return Optional.of(new Refusal(
                    "https_required",
                    "live endpoints must use https (an operator can allow http with "
                            + WebhookSettings.LIVE_HTTP_ALLOWED + ")"));
        }
        return Optional.empty();
    }

    public record Refusal(String code, String message) {}
}
