package com.klarefi.console.internal;

import com.klarefi.auth.api.OperatorSession;
import com.klarefi.platform.http.ApiException;
import com.klarefi.platform.http.HttpSurface;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;

/** Failures on dashboard pages as an HTML page (in the frame when signed in) instead of the JSON envelope. */
final class ErrorPages implements HttpSurface.ErrorPage {
    private final Layout layout;

    ErrorPages(Layout layout) {
        this.layout = layout;
    }

    @Override
    public void render(ServerRequest request, ServerResponse response, ApiException error, String requestId) {
        String title = switch (error.status()) {
            case 400, 409, 413, 415 -> "That did not work";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 405 -> "Not supported";
            default -> "Something went wrong";
        };
        String body = Html.problem(error.getMessage()) + "<p class=\"muted\">Error " + error.status() + " "
                + Html.code(error.code()) + ", request " + Html.code(requestId) + "</p>"
                + "<p><a href=\"" + Dashboard.PREFIX + "\">Back to the dashboard</a></p>";
        Optional<OperatorSession> session = SignedIn.of(request);
        if (session.isPresent()) {
            layout.page(request, response, session.get(), error.status(), "", title, body);
        } else {
            Layout.bare(response, error.status(), title, body);
        }
    }
}
