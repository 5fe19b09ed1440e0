package com.klarefi.processing.internal.fetch;

import com.klarefi.platform.net.NumericHosts;
import com.klarefi.processing.api.DocumentFailure;
import com.klarefi.processing.api.DocumentFailure.Code;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** An absolute http(s) URL without credentials, with its host and effective port. */
record DocumentUrl(URI uri, String host, int port) {

    static DocumentUrl parse(String text) {
        if (text == null || text.isBlank()) {
            throw invalid("the document URL is empty");
        }
        try {
            return of(new URI(text.trim()));
        } catch (URISyntaxException e) {
            throw invalid("the document URL is not a valid URL");
        }
    }

    /** The target of a redirect, resolved against the URL that answered with it. */
    DocumentUrl redirectTo(String location) {
        try {
            return of(uri.resolve(new URI(location.trim())));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw invalid("the server redirected to an invalid URL");
        }
    }

    private static DocumentUrl of(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid("only http and https URLs can be fetched");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw invalid("the document URL has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid("document URLs must not contain credentials");
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (NumericHosts.isAmbiguous(host)) {
            throw invalid("write an IP address in a document URL as four decimal numbers (like 192.0.2.10)");
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return new DocumentUrl(uri, host, port);
    }

    private static DocumentFailure invalid(String message) {
        return new DocumentFailure(Code.INVALID_DOCUMENT_URL, message);
    }
}
