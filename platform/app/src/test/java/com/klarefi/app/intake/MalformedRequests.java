package com.klarefi.app.intake;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/** Generates hostile HTTP requests from a seed, so a failing run can be replayed exactly. */
final class MalformedRequests {
    private static final List<String> PATHS = List.of(
            "/api/v1/process",
            "/api/v1/cases/case_x/events?after_cursor=-1",
            "/api/v1/cases/%00",
            "/api/v1/documents/doc_x/pages/abc",
            "/api/v1/me",
            "/api/v1/webhooks/test",
            "/api/v1/cases/" + "a".repeat(3000),
            "/api/v1/../../etc/passwd",
            "/api/v1/cases/case_x/events?limit=99999999999");
    private static final List<String> FIELDS = List.of(
            "document_url",
            "case_type_id",
            "idempotency_key",
            "external_case_id",
            "trace_id",
            "webhook_url",
            "endpoint_url",
            "signing_secret");

    private MalformedRequests() {}

    static byte[] next(Random random, String key) {
        return switch (random.nextInt(10)) {
            case 0 -> request("POST", "/api/v1/process", key, "application/json", wrongTypes(random));
            case 1 -> request("POST", "/api/v1/process", key, "application/json", deepNesting(random));
            case 2 -> request("POST", "/api/v1/process", key, "application/json", invalidUtf8(random));
            case 3 ->
                request(
                        "POST",
                        "/api/v1/process",
                        key,
                        "application/json",
                        "{\"document_url\":\"https://a.example/x.pdf\",\"document_url\":\"https://b.example/y.pdf\"}"
                                .getBytes(StandardCharsets.UTF_8));
            case 4 -> request("POST", "/api/v1/process", key, "application/json", huge(random));
            case 5 ->
                request(
                        "POST",
                        PATHS.get(random.nextInt(PATHS.size())),
                        key,
                        random.nextBoolean() ? "text/plain" : "application/x-www-form-urlencoded",
                        "a=b".getBytes(StandardCharsets.UTF_8));
            case 6 ->
                request(
                        random.nextBoolean() ? "GET" : "PATCH",
                        PATHS.get(random.nextInt(PATHS.size())),
                        key,
                        null,
                        null);
            case 7 -> brokenRequestLine(random);
            case 8 -> request("POST", "/api/v1/webhooks/test", key, "application/json", wrongTypes(random));
            default ->
                request(
                        "POST",
                        "/api/v1/process",
                        random.nextBoolean() ? key : "sk_test_" + randomText(random, 40),
                        "application/json",
                        randomJson(random, 0).getBytes(StandardCharsets.UTF_8));
        };
    }

    private static byte[] wrongTypes(Random random) {
        StringBuilder body = new StringBuilder("{");
        for (String field : FIELDS) {
            if (random.nextInt(3) == 0) {
                continue;
            }
            if (body.length() > 1) {
                body.append(',');
            }
            body.append('"').append(field).append("\":").append(randomJson(random, 2));
        }
        return body.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String randomJson(Random random, int depth) {
        return switch (depth > 3 ? random.nextInt(5) : random.nextInt(8)) {
            case 0 -> Long.toString(random.nextLong());
            case 1 -> random.nextBoolean() ? "true" : "null";
            case 2 -> "\"" + randomText(random, random.nextInt(20)) + "\"";
            case 3 -> Double.toString(random.nextGaussian() * 1e300);
            case 4 -> "\"https://" + randomText(random, 8) + ".example/" + randomText(random, 4) + "\"";
            case 5 -> "[" + randomJson(random, depth + 1) + "," + randomJson(random, depth + 1) + "]";
            case 6 -> "{\"" + randomText(random, 5) + "\":" + randomJson(random, depth + 1) + "}";
            default -> "\"\\u0000\\ud800" + randomText(random, 3) + "\"";
        };
    }

    private static byte[] deepNesting(Random random) {
        int depth = 1000 + random.nextInt(20_000);
        return ("{\"document_url\":" + "[".repeat(depth) + "]".repeat(depth) + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] invalidUtf8(Random random) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"document_url\":\"https://x.example/".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 1 + random.nextInt(8); i++) {
            body.write(0x80 + random.nextInt(0x40));
            body.write(0xC0 + random.nextInt(2));
        }
        body.writeBytes(
                "\",\"case_type_id\":\"motor_claim\",\"idempotency_key\":\"k\"}".getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private static byte[] huge(Random random) {
        int size = random.nextBoolean() ? 70_000 + random.nextInt(100_000) : 5_000 + random.nextInt(50_000);
        return ("{\"document_url\":\"https://x.example/" + "a".repeat(size) + "\",\"case_type_id\":\"motor_claim\","
                        + "\"idempotency_key\":\"" + "k".repeat(random.nextInt(600)) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] brokenRequestLine(Random random) {
        List<String> lines = List.of(
                "GARBAGE\r\n\r\n",
                "GET /api/v1/me HTTP/9.9\r\nHost: x\r\n\r\n",
                "GET /api/v1/me HTTP/1.1\r\nHost: x\r\nBroken header line\r\n\r\n",
                "POST /api/v1/process HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
                "POST /api/v1/process HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
                "GET /api/v1/me HTTP/1.1\r\nHost: x\r\nX-Long: " + "v".repeat(20_000 + random.nextInt(20_000))
                        + "\r\n\r\n");
        return lines.get(random.nextInt(lines.size())).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] request(String method, String path, String key, String contentType, byte[] body) {
        StringBuilder head =
                new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        head.append("Authorization: Bearer ").append(key).append("\r\n");
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        byte[] payload = body == null ? new byte[0] : body;
        head.append("Content-Length: ").append(payload.length).append("\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(payload);
        return out.toByteArray();
    }

    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }
}
