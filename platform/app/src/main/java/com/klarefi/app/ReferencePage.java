package com.klarefi.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.klarefi.platform.web.HtmlText;
import java.util.Iterator;
import java.util.Map;

/**
 * The human-readable API reference, rendered from the served OpenAPI document, so the page and the
 * document cannot drift apart: endpoints grouped by tag with parameters, request bodies and
 * responses, then every schema with its fields.
 */
final class ReferencePage {
    private ReferencePage() {
    }

    static String render(JsonNode spec) {
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
                .append(text(spec.path("info").path("title").asText())).append(" reference</title></head><body><main>");
        html.append("<h1>").append(text(spec.path("info").path("title").asText())).append(" ")
                .append(text(spec.path("info").path("version").asText())).append("</h1>");
        html.append("<p>").append(text(spec.path("info").path("description").asText())).append("</p>");
        html.append("<p>Machine-readable: <a href=\"/api/v1/openapi.json\">/api/v1/openapi.json</a>. Conventions: "
                + "<a href=\"/api/v1/docs/api\">API guide</a>, <a href=\"/api/v1/docs/webhooks\">webhooks guide</a>.</p>");
        for (JsonNode tag : spec.path("tags")) {
            html.append("<section><h2>").append(text(tag.path("name").asText())).append("</h2><p>")
                    .append(text(tag.path("description").asText())).append("</p>");
            forEach(spec.path("paths"), (path, item) -> forEach(item, (method, operation) -> {
                if (contains(operation.path("tags"), tag.path("name").asText())) {
                    operation(html, method, path, operation);
                }
            }));
            html.append("</section>");
        }
        html.append("<section><h2>Schemas</h2>");
        forEach(spec.path("components").path("schemas"), (name, schema) -> schema(html, name, schema));
        html.append("</section></main></body></html>");
        return html.toString();
    }

    private static void operation(StringBuilder html, String method, String path, JsonNode operation) {
        html.append("<article id=\"").append(text(operation.path("operationId").asText())).append("\"><h3><code>")
                .append(method.toUpperCase()).append(" /api/v1").append(text(path)).append("</code> ")
                .append(text(operation.path("summary").asText())).append("</h3><p>")
                .append(text(operation.path("description").asText())).append("</p>");
        if (operation.path("security").isArray() && operation.path("security").isEmpty()) {
            html.append("<p>No API key needed.</p>");
        }
        if (!operation.path("parameters").isEmpty()) {
            html.append("<table><caption>Parameters</caption><tr><th>name</th><th>in</th><th>required</th><th>description</th></tr>");
            for (JsonNode parameter : operation.path("parameters")) {
                html.append("<tr><td><code>").append(text(parameter.path("name").asText())).append("</code></td><td>")
                        .append(text(parameter.path("in").asText())).append("</td><td>")
                        .append(parameter.path("required").asBoolean() ? "yes" : "no").append("</td><td>")
                        .append(text(parameter.path("description").asText())).append("</td></tr>");
            }
            html.append("</table>");
        }
        JsonNode body = operation.path("requestBody").path("content").path("application/json").path("schema");
        if (!body.isMissingNode()) {
            html.append("<p>Request body: ").append(schemaName(body)).append("</p>");
        }
        html.append("<table><caption>Responses</caption><tr><th>status</th><th>meaning</th><th>body</th></tr>");
        forEach(operation.path("responses"), (status, response) -> {
            String description = response.has("$ref") ? response.path("$ref").asText().replaceAll(".*/", "") : response.path("description").asText();
            JsonNode schema = response.path("content").path("application/json").path("schema");
            html.append("<tr><td>").append(text(status)).append("</td><td>").append(text(description)).append("</td><td>")
                    .append(schema.isMissingNode() ? (response.has("$ref") ? "ErrorEnvelope" : "") : schemaName(schema))
                    .append("</td></tr>");
        });
        html.append("</table></article>");
    }

    private static void schema(StringBuilder html, String name, JsonNode schema) {
        html.append("<article id=\"schema-").append(text(name)).append("\"><h3>").append(text(name)).append("</h3>");
        if (!schema.path("properties").isMissingNode()) {
            html.append("<table><tr><th>field</th><th>type</th><th>required</th></tr>");
            forEach(schema.path("properties"), (field, property) -> html.append("<tr><td><code>").append(text(field))
                    .append("</code></td><td>").append(type(property)).append("</td><td>")
                    .append(contains(schema.path("required"), field) ? "yes" : "").append("</td></tr>"));
            html.append("</table>");
        }
        html.append("</article>");
    }

    private static String type(JsonNode property) {
        if (property.has("$ref")) {
            return schemaName(property);
        }
        if (property.has("enum")) {
            return "one of " + text(property.path("enum").toString());
        }
        if (property.has("const")) {
            return "always " + text(property.path("const").toString());
        }
        if (property.path("type").asText().equals("array")) {
            return "list of " + type(property.path("items"));
        }
        return text(property.path("type").isArray() ? property.path("type").toString() : property.path("type").asText("object"));
    }

    private static String schemaName(JsonNode schema) {
        if (schema.has("$ref")) {
            String name = schema.path("$ref").asText().replaceAll(".*/", "");
            return "<a href=\"#schema-" + text(name) + "\">" + text(name) + "</a>";
        }
        return type(schema);
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode item : array) {
            if (item.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static void forEach(JsonNode object, java.util.function.BiConsumer<String, JsonNode> action) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            action.accept(field.getKey(), field.getValue());
        }
    }

    private static String text(String value) {
        return HtmlText.escape(value);
    }
}
