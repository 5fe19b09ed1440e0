package com.klarefi.app.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.klarefi.app.TestServerAccess;
import com.klarefi.platform.json.Json;
import com.klarefi.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of malformed requests over raw sockets (wrong types, huge values, deep nesting,
 * invalid UTF-8, duplicate keys, wrong media types, oversized bodies, broken request lines): none
 * may answer 5xx or hang, and every error is the envelope with the header's request id. The count
 * is raised for long runs with -Dklarefi.malformed.count (scripts/chaos/malformed-requests.sh).
 */
class MalformedRequestsTest {
    private static final int COUNT = Integer.getInteger("klarefi.malformed.count", 1500);

    @Test
    void malformedRequestsGetEnvelopesNeverServerErrors(@TempDir Path dataDirectory) throws Exception {
        try (TestDatabase database = TestDatabase.create();
                TestServerAccess.Running server = TestServerAccess.start(
                        database,
                        dataDirectory,
                        Map.of("KLAREFI_RATE_LIMIT_PER_MINUTE", "1000000", "KLAREFI_HTTP_MAX_JSON_BYTES", "65536"))) {
            String key = server.newOrganisation("Fuzz BV").get("test");
            Random random = new Random(20261128L);
            Map<Integer, Integer> statuses = new TreeMap<>();
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < COUNT; i++) {
                byte[] request = MalformedRequests.next(random, key);
                Answer answer = send(server.port(), request);
                statuses.merge(answer.status(), 1, Integer::sum);
                String problem = answer.problem();
                if (problem != null && problems.size() < 20) {
                    problems.add(problem + " for request: "
                            + new String(request, 0, Math.min(200, request.length), StandardCharsets.ISO_8859_1));
                }
            }
            System.out.println("malformed requests: " + COUNT + ", answers by status: " + statuses);
            assertThat(problems).isEmpty();
            assertThat(statuses.keySet())
                    .allSatisfy(status -> assertThat(status).isBetween(200, 499));
        }
    }

    private record Answer(int status, String headers, String body) {
        String problem() {
            if (status >= 500 || status == 0) {
                return "status " + status;
            }
            if (status < 400) {
                return null;
            }
            if (headers.toLowerCase().contains("content-type: text/html")) {
                // Paths outside /api/v1 (e.g. /api/v1/../x normalised) are pages: an HTML error page
                // that still carries the request id.
                return headers.toLowerCase().contains("request-id: req_") ? null : "HTML error without a Request-Id";
            }
            try {
                JsonNode error = Json.read(body).path("error");
                String requestId = error.path("request_id").asText();
                if (error.path("type").asText().isEmpty()
                        || error.path("code").asText().isEmpty()
                        || !headers.toLowerCase().contains("request-id: " + requestId.toLowerCase())) {
                    return "error without a proper envelope: " + body;
                }
                return null;
            } catch (RuntimeException e) {
                return "error body is not JSON: " + body;
            }
        }
    }

    /** One request on its own connection; the answer is read until the server closes or the length is met. */
    private static Answer send(int port, byte[] request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException refusedMidway) {
                // the server may answer 413 and close before reading everything; read its answer
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            int headerEnd = -1;
            int contentLength = -1;
            while ((read = readQuietly(in, buffer)) > 0) {
                received.write(buffer, 0, read);
                String soFar = received.toString(StandardCharsets.ISO_8859_1);
                if (headerEnd < 0 && (headerEnd = soFar.indexOf("\r\n\r\n")) >= 0) {
                    contentLength = contentLength(soFar.substring(0, headerEnd));
                }
                if (headerEnd >= 0 && contentLength >= 0 && received.size() >= headerEnd + 4 + contentLength) {
                    break;
                }
            }
            String text = received.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            if (!text.startsWith("HTTP/1.1 ") || split < 0) {
                return new Answer(0, "", text);
            }
            String headers = text.substring(0, split);
            String body = text.substring(split + 4);
            int length = contentLength(headers);
            if (length >= 0 && body.length() > length) {
                body = body.substring(0, length);
            }
            return new Answer(Integer.parseInt(text.substring(9, 12)), headers, body);
        }
    }

    private static int readQuietly(InputStream in, byte[] buffer) {
        try {
            return in.read(buffer);
        } catch (IOException e) {
            return -1;
        }
    }

    private static int contentLength(String headers) {
        for (String line : headers.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                return Integer.parseInt(line.substring(15).trim());
            }
        }
        return -1;
    }
}
