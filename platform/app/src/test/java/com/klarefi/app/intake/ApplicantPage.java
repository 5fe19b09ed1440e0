package com.klarefi.app.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The applicant's side of a session over plain HTTP: the page, its cookie and its forms. */
public final class ApplicantPage {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final String pageUrl;
    private String cookie = "";
    private String csrf = "";

    /** {@code signedUrl} as the API returned it, pointed at the server under test. */
    public ApplicantPage(String signedUrl, int port) {
        URI uri = URI.create(signedUrl);
        this.pageUrl = "http://127.0.0.1:" + port + uri.getRawPath() + "?" + uri.getRawQuery();
    }

    String pageUrl() {
        return pageUrl;
    }

    public HttpResponse<String> open() {
        HttpResponse<String> page =
                send(HttpRequest.newBuilder(URI.create(pageUrl)).GET());
        page.headers().firstValue("Set-Cookie").ifPresent(value -> cookie = value.split(";", 2)[0]);
        Matcher matcher = CSRF.matcher(page.body());
        if (matcher.find()) {
            csrf = matcher.group(1);
        }
        return page;
    }

    /** The cookie and CSRF value the page gave this browser, as a forger would try to reuse them. */
    String[] csrfPair() {
        return new String[] {cookie, csrf};
    }

    /** Sends {@code cookieHeader} and {@code formValue} from now on, in place of what the page gave. */
    void useCsrfPair(String cookieHeader, String formValue) {
        cookie = cookieHeader;
        csrf = formValue;
    }

    HttpResponse<String> post(String action, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(actionUrl(action)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts with this page's CSRF value, as the page's forms do. */
    public HttpResponse<String> submit(String action, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("csrf", csrf);
        return post(action, all);
    }

    HttpResponse<String> upload(String filename, byte[] content, boolean json) {
        String boundary = "----klarefi-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + csrf + "\r\n");
        write(
                body,
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(content);
        write(body, "\r\n--" + boundary + "--\r\n");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(actionUrl("/documents")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (json) {
            request.header("Accept", "application/json");
        }
        return send(request);
    }

    /** A page of this session by the path and query a redirect named. */
    HttpResponse<String> get(String pathAndQuery) {
        URI page = URI.create(pageUrl);
        return send(HttpRequest.newBuilder(page.resolve(pathAndQuery.replaceFirst("#.*", "")))
                .GET());
    }

    HttpResponse<String> status() {
        return send(HttpRequest.newBuilder(URI.create(actionUrl("/status"))).GET());
    }

    private String actionUrl(String action) {
        int query = pageUrl.indexOf('?');
        return pageUrl.substring(0, query) + action + pageUrl.substring(query);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (!cookie.isEmpty()) {
            request.header("Cookie", cookie);
        }
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
