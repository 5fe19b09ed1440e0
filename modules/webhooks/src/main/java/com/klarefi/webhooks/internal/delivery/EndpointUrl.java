package com.klarefi.webhooks.internal.delivery;

import com.klarefi.platform.net.NumericHosts;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** An absolute http(s) URL without credentials or fragment: what an endpoint may be. */
public record EndpointUrl(URI uri, String host, boolean https) {

    /** The URL, or empty with {@code problem} describing why not. */
    public static Result parse(String text) {
        if (text == null || text.isBlank()) {
            return Result.invalid("the URL is empty");
        }
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            return Result.invalid("the URL is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Result.invalid("only http and https URLs can receive webhooks");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Result.invalid("the URL has no host");
        }
        if (uri.getRawUserInfo() != null) {
            return Result.invalid("the URL must not contain credentials");
        }
        if (uri.getRawFragment() != null) {
            return Result.invalid("the URL must not contain a fragment");
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (NumericHosts.isAmbiguous(host)) {
            return Result.invalid("write an IP address as four decimal numbers (like 192.0.2.10)");
        }
        return new Result(Optional.of(new EndpointUrl(uri, host, scheme.equals("https"))), "");
    }

    public record Result(Optional<EndpointUrl> url, String problem) {
        static Result invalid(String problem) {
            return new Result(Optional.empty(), problem);
        }
    }
}
