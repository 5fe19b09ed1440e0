package com.klarefi.app.dashboard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Talks to the dashboard like a browser without scripts: keeps cookies, posts forms, does not follow redirects. */
final class DashboardClient {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf_token\" value=\"([^\"]+)\"");
    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    DashboardClient(int adminPort) {
        this.base = "http://127.0.0.1:" + adminPort;
        this.client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Signs in through the login form; returns the response to the form post. */
    HttpResponse<String> signIn(String email, String password) {
        String token = csrfOf(get("/dashboard/login"));
        return post(
                "/dashboard/login",
                List.of(Map.entry("csrf_token", token), Map.entry("email", email), Map.entry("password", password)));
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** Posts a form; pairs keep their order, names may repeat (check boxes). */
    HttpResponse<String> post(String path, List<Map.Entry<String, String>> fields) {
        String body = fields.stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts a multipart form as a browser does for a form with a file field; {@code file} is (field, content). */
    HttpResponse<String> upload(String pagePath, String action, Map.Entry<String, String> file) {
        String boundary = "----dashboard-test-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n"
                + csrfOf(get(pagePath))
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.getKey()
                + "\"; filename=\"definition.json\"\r\nContent-Type: application/json\r\n\r\n" + file.getValue()
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"definition\"\r\n\r\n\r\n--"
                + boundary + "--\r\n";
        return send(HttpRequest.newBuilder(URI.create(base + action))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** Posts a multipart form with the CSRF token of the page at {@code pagePath}, text fields and one file (which may be empty). */
    HttpResponse<String> multipart(
            String pagePath, String action, List<Map.Entry<String, String>> fields, String fileField, byte[] file) {
        String boundary = "----dashboard-test-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        List<Map.Entry<String, String>> all = new ArrayList<>(fields);
        all.add(Map.entry("csrf_token", csrfOf(get(pagePath))));
        for (Map.Entry<String, String> field : all) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                            + "\"\r\n\r\n" + field.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                        + (file.length == 0 ? "" : "upload.bin")
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + action))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Posts a form with the CSRF token of the page at {@code pagePath}. */
    HttpResponse<String> submit(String pagePath, String action, List<Map.Entry<String, String>> fields) {
        String token = csrfOf(get(pagePath));
        List<Map.Entry<String, String>> all = new ArrayList<>(fields);
        all.add(Map.entry("csrf_token", token));
        return post(action, all);
    }

    /** Follows a 303 as a browser does: GET its Location. */
    HttpResponse<String> follow(HttpResponse<String> redirect) {
        String location = redirect.headers()
                .firstValue("Location")
                .orElseThrow(() -> new AssertionError(
                        "no redirect from " + redirect.uri() + ": " + redirect.statusCode() + " " + redirect.body()));
        return get(location);
    }

    Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    void forgetCookies() {
        cookies.getCookieStore().removeAll();
    }

    void setCookie(String name, String value) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/dashboard");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(base + "/dashboard"), cookie);
    }

    static String csrfOf(HttpResponse<String> page) {
        Matcher matcher = CSRF.matcher(page.body());
        if (!matcher.find()) {
            throw new AssertionError("no CSRF token on the page " + page.uri() + ": " + page.statusCode());
        }
        return matcher.group(1);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
