package com.klarefi.platform.http;

import com.klarefi.platform.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the body {@code {"error": {"type", "code", "message", "request_id", ...}}}. */
final class ErrorEnvelope {
    private ErrorEnvelope() {}

    static byte[] body(ApiException error, String requestId) {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("type", error.type());
        inner.put("code", error.code());
        inner.put("message", error.getMessage());
        inner.putAll(error.details());
        inner.put("request_id", requestId);
        return Json.write(Map.of("error", inner));
    }
}
