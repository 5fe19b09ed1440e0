import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import java.nio.charset.StandardCharsets;

/**
 * The HTTP layer's ceiling for scripts/bench/http-layer.sh: a bare Helidon SE server with one route
 * answering the same path and a body of the same size as {@code GET /api/v1/me}, without
 * authentication, rate limiting, request ids or access logs. It runs from the service's own jar
 * (compiled against klarefi.jar and run with it on the class path) so both use the same Helidon classes.
 */
public final class BareHelidon {
    private static final byte[] BODY = "{\"org_id\":\"org_00000000000000000000000000\",\"environment\":\"test\"}"
            .getBytes(StandardCharsets.UTF_8);

    public static void main(String[] arguments) {
        WebServer server = WebServer.builder()
                .host("127.0.0.1")
                .port(Integer.parseInt(arguments[0]))
                .routing(routing -> routing.get("/api/v1/me", (request, response) -> {
                    response.header(HeaderNames.CONTENT_TYPE, "application/json");
                    response.send(BODY);
                }))
                .build()
                .start();
        System.out.println("bare Helidon listening on " + server.port());
    }
}
