package com.klarefi.auth.internal;

import com.klarefi.platform.http.ApiException;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.util.List;

/** Reads {@code Authorization: Bearer <token>}, with a distinct error for each way it can be wrong. */
final class BearerTokens {
    private BearerTokens() {}

    static String from(ServerRequest request, String missingCode, String what) {
        List<String> values = request.headers().contains(HeaderNames.AUTHORIZATION)
                ? request.headers().get(HeaderNames.AUTHORIZATION).allValues()
                : List.of();
        if (values.isEmpty()) {
            throw ApiException.authentication(
                    missingCode,
                    "No " + what + " was sent. Send the header " + "'Authorization: Bearer <" + what + ">'.");
        }
        String value = values.getFirst().trim();
        int space = value.indexOf(' ');
        if (values.size() > 1
                || space < 0
                || !value.substring(0, space).equalsIgnoreCase("Bearer")
                || value.substring(space + 1).isBlank()
                || value.substring(space + 1).trim().contains(" ")) {
            throw ApiException.authentication(
                    "malformed_authorization_header",
                    "The Authorization header must be exactly 'Bearer <" + what + ">'.");
        }
        return value.substring(space + 1).trim();
    }
}
