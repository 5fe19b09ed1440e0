package com.klarefi.platform.http;

import com.klarefi.platform.ids.Ids;
import com.klarefi.platform.metrics.Counter;
import com.klarefi.platform.metrics.Histogram;
import com.klarefi.platform.metrics.Metrics;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One HTTP surface (the public API or the admin API): gives every request a {@code Request-Id},
 * runs the guard before protected routes, renders every failure once into the error envelope,
 * answers 405/404 for unknown methods and paths, and writes one access-log line per request.
 */
public final class HttpSurface {
    public static final String REQUEST_ID_HEADER = "Request-Id";
    private static final System.Logger ACCESS = System.getLogger("klarefi.access");
    private static final System.Logger ERRORS = System.getLogger("klarefi.http");

    private final String name;
    private final RequestGuard guard;
    private final Counter requests;
    private final Histogram latency;
    private volatile String apiPrefix = "";
    private volatile boolean servesPages;
    private final Map<String, ErrorPage> errorPages = new LinkedHashMap<>();
    private volatile BodyTimeout bodyTimeout;

    /** Renders a failure for requests under one path prefix in another form than the JSON envelope. */
    @FunctionalInterface
    public interface ErrorPage {
        void render(ServerRequest request, ServerResponse response, ApiException error, String requestId);
    }

    public HttpSurface(String name, RequestGuard guard) {
        this(name, guard, new Metrics());
    }

    public HttpSurface(String name, RequestGuard guard, Metrics metrics) {
        this.name = name;
        this.guard = guard;
        this.requests = metrics.counter(
                "klarefi_http_requests_total",
                "HTTP requests by surface, method, route and status",
                "surface",
                "method",
                "route",
                "status");
        this.latency = metrics.histogram(
                "klarefi_http_request_duration_seconds",
                "HTTP request latency by surface and route",
                Metrics.SECONDS,
                "surface",
                "route");
    }

    /**
     * Failures of requests whose path is {@code pathPrefix} or below it are rendered by {@code page}
     * (e.g. HTML for browser pages) instead of the envelope. Call before {@link #configure}.
     */
    public HttpSurface errorPages(String pathPrefix, ErrorPage page) {
        errorPages.put(pathPrefix, page);
        return this;
    }

    /** Request bodies on this surface must arrive at the timeout's pace. Call before {@link #configure}. */
    public HttpSurface bodyTimeout(BodyTimeout timeout) {
        this.bodyTimeout = timeout;
        return this;
    }

    public void configure(HttpRouting.Builder rules, ApiRoutes routes) {
        configure(rules, List.of(routes));
    }

    /**
     * Serves the API and pages for people on one listener. Failures under the API's prefix are
     * rendered in the JSON envelope; failures anywhere else as an HTML page, once pages exist.
     */
    public void configure(HttpRouting.Builder rules, ApiRoutes api, ApiRoutes pages) {
        apiPrefix = api.prefix();
        servesPages = !pages.routes().isEmpty();
        configure(rules, List.of(api, pages));
    }

    /** Several route sets (e.g. a JSON API and browser pages) on one listener. */
    public void configure(HttpRouting.Builder rules, List<ApiRoutes> routeSets) {
        rules.addFilter(this::filter);
        Map<String, Set<Method>> methodsByTemplate = new LinkedHashMap<>();
        List<Route> all =
                routeSets.stream().flatMap(routes -> routes.routes().stream()).toList();
        for (Route route : all) {
            rules.route(route.method(), route.template(), guarded(route));
            methodsByTemplate
                    .computeIfAbsent(route.template(), t -> new LinkedHashSet<>())
                    .add(route.method());
        }
        for (Route route : all) {
            if (route.method().equals(Method.GET)
                    && methodsByTemplate.get(route.template()).add(Method.HEAD)) {
                Handler get = guarded(route);
                rules.route(
                        Method.HEAD,
                        route.template(),
                        (request, response) -> get.handle(request, new HeadResponse(response)));
            }
        }
        Map<String, Route> protectedByTemplate = new LinkedHashMap<>();
        routeSets.stream()
                .flatMap(routes -> routes.routes().stream())
                .filter(route -> route.access() != Route.Access.PUBLIC)
                .forEach(route -> protectedByTemplate.putIfAbsent(route.template(), route));
        methodsByTemplate.forEach((template, methods) -> rules.any(
                template, methodNotAllowed(template, methods, Optional.ofNullable(protectedByTemplate.get(template)))));
        rules.any(HttpSurface::routeNotFound);
        rules.error(
                Throwable.class, (request, response, error) -> render(request, response, unexpected(request, error)));
    }

    /** Low-level failures (unparseable request line, headers too large) in the same envelope. */
    public static DirectHandlers directHandlers() {
        DirectHandler handler = new EnvelopeDirectHandler();
        DirectHandlers.Builder builder = DirectHandlers.builder();
        for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
            builder.addHandler(type, handler);
        }
        return builder.build();
    }

    private void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        long started = System.nanoTime();
        String requestId = Ids.newId("req");
        request.context().register(RequestContexts.REQUEST_ID, requestId);
        response.header(REQUEST_ID_HEADER, requestId);
        BodyTimeout timeout = bodyTimeout;
        if (timeout != null) {
            timeout.watch(request, requestId);
        }
        response.beforeSend(() -> {
            if (bodyLeftUnread(request)) {
                response.header(HeaderNames.CONNECTION, "close");
            }
        });
        try {
            chain.proceed();
        } catch (ApiException e) {
            render(request, response, e);
        } catch (UncheckedIOException | CloseConnectionException e) {
            if (BodyTimeout.isExpiry(e)) {
                // Answered on the socket by the body timeout; the access log shows that answer.
                response.status(Status.REQUEST_TIMEOUT_408);
            }
            throw e;
        } catch (HttpException e) {
            render(request, response, fromHelidon(e));
        } catch (RuntimeException | StackOverflowError | NoClassDefFoundError e) {
            render(request, response, unexpected(request, e));
        } finally {
            logAccess(request, response, started);
        }
        if (response.isSent() && bodyLeftUnread(request)) {
            // Answered without reading the body (a refusal, a 413): Helidon would otherwise read the
            // rest, all of an unauthenticated upload, and parse whatever follows as a next request.
            throw new CloseConnectionException(
                    "answered " + response.status().code() + " before the request body was read");
        }
    }

    private static boolean bodyLeftUnread(ServerRequest request) {
        return request.content().hasEntity() && !request.content().consumed();
    }

    private Handler guarded(Route route) {
        return (request, response) -> {
            request.context().register(RequestContexts.ROUTE, route.template());
            if (request.path().pathParameters().toMap().values().stream()
                    .flatMap(List::stream)
                    .anyMatch(value -> value.indexOf('\u0000') >= 0 || value.length() > 512)) {
                throw ApiException.notFound("not_found", "No such resource.");
            }
            if (route.access() != Route.Access.PUBLIC) {
                guard.check(request, response, route);
            }
            route.handler().handle(request, response);
        };
    }

    /**
     * 405 with {@code Allow}. A caller who sent credentials to a protected path is checked first, as
     * on its routes: the request counts against the organisation's limit and carries its headers.
     */
    private Handler methodNotAllowed(String template, Set<Method> methods, Optional<Route> protectedRoute) {
        String allow = methods.stream().map(Method::text).collect(Collectors.joining(", "));
        return (request, response) -> {
            request.context().register(RequestContexts.ROUTE, template);
            if (protectedRoute.isPresent() && request.headers().contains(HeaderNames.AUTHORIZATION)) {
                guard.check(request, response, protectedRoute.get());
            }
            throw ApiException.of(
                            405,
                            ErrorTypes.VALIDATION,
                            "method_not_allowed",
                            request.prologue().method().text() + " is not supported on this path; use " + allow + ".")
                    .withHeader("Allow", allow);
        };
    }

    private static void routeNotFound(ServerRequest request, ServerResponse response) {
        request.context().register(RequestContexts.ROUTE, "(unmatched)");
        throw ApiException.notFound(
                "route_not_found",
                "There is no endpoint " + request.prologue().method().text() + " "
                        + request.path().path() + ".");
    }

    private static ApiException unexpected(ServerRequest request, Throwable error) {
        if (error instanceof ApiException api) {
            return api;
        }
        if (isBrokenFraming(error)) {
            return ApiException.validation("malformed_body", "The request body's chunked framing is malformed.");
        }
        if (DatabaseOutages.isOutage(error)) {
            ERRORS.log(
                    Level.WARNING,
                    "request " + RequestContexts.requestId(request) + " answered 503: the database is unreachable ("
                            + error.getClass().getSimpleName() + ")");
            return DatabaseOutages.unavailable();
        }
        ERRORS.log(Level.ERROR, "unexpected failure in request " + RequestContexts.requestId(request), error);
        return ApiException.internal();
    }

    /**
     * Helidon reads a chunked body only when the handler reads it, and a chunk size that is not
     * hexadecimal surfaces there as a bare NumberFormatException from its chunk reader: the
     * client's error, not ours.
     */
    private static boolean isBrokenFraming(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException) {
                for (StackTraceElement frame : cause.getStackTrace()) {
                    if (frame.getMethodName().equals("readNextChunk")
                            && frame.getClassName().startsWith("io.helidon.webserver.http1.")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static ApiException fromHelidon(HttpException e) {
        int status = e.status().code();
        if (status == 413) {
            return ApiException.of(413, ErrorTypes.VALIDATION, "payload_too_large", "The request body is too large.");
        }
        if (status >= 500) {
            ERRORS.log(Level.ERROR, "server error while reading a request", e);
            return ApiException.internal();
        }
        return ApiException.of(
                status,
                status == 404 ? ErrorTypes.NOT_FOUND : ErrorTypes.VALIDATION,
                "bad_request",
                "The request could not be read: " + Status.create(status).reasonPhrase() + ".");
    }

    private boolean isPage(ServerRequest request) {
        String path = request.path().path();
        return servesPages && !(path.equals(apiPrefix) || path.startsWith(apiPrefix + "/"));
    }

    void render(ServerRequest request, ServerResponse sent, ApiException error) {
        ServerResponse response = request.prologue().method().equals(Method.HEAD) ? new HeadResponse(sent) : sent;
        if (response.isSent()) {
            ERRORS.log(
                    Level.WARNING,
                    "cannot report " + error.code() + " for request " + RequestContexts.requestId(request)
                            + ": the response was already sent");
            return;
        }
        String requestId = RequestContexts.requestId(request);
        String path = request.path().path();
        for (Map.Entry<String, ErrorPage> page : errorPages.entrySet()) {
            if (path.equals(page.getKey()) || path.startsWith(page.getKey() + "/")) {
                response.status(Status.create(error.status()));
                response.header(REQUEST_ID_HEADER, requestId);
                error.headers().forEach(response::header);
                page.getValue().render(request, response, error, requestId);
                return;
            }
        }
        if (isPage(request)) {
            response.header(REQUEST_ID_HEADER, requestId);
            error.headers().forEach(response::header);
            HtmlPages.send(response, error.status(), HtmlPages.errorPage(error, requestId), HtmlPages.STRICT_POLICY);
            return;
        }
        response.status(Status.create(error.status()));
        response.header(REQUEST_ID_HEADER, requestId);
        response.header(HeaderNames.CONTENT_TYPE, "application/json");
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        error.headers().forEach(response::header);
        response.send(ErrorEnvelope.body(error, requestId));
    }

    private void logAccess(ServerRequest request, ServerResponse response, long started) {
        double millis = (System.nanoTime() - started) / 1_000_000.0;
        String route =
                request.context().get(RequestContexts.ROUTE, String.class).orElse("(unmatched)");
        requests.inc(
                name,
                request.prologue().method().text(),
                route,
                Integer.toString(response.status().code()));
        latency.observe(millis / 1000.0, name, route);
        if (!ACCESS.isLoggable(Level.INFO)) {
            return;
        }
        String org = RequestContexts.organisation(request).orElse("-");
        ACCESS.log(
                Level.INFO,
                accessLine(
                        name,
                        RequestContexts.requestId(request),
                        request.prologue().method().text(),
                        route,
                        response.status().code(),
                        millis,
                        org));
    }

    /**
     * The access log's message, built without {@link String#format}: it is written for every
     * request, and format's parsing was a visible part of a request's cost.
     */
    static String accessLine(
            String surface, String requestId, String method, String route, int status, double millis, String org) {
        long hundredths = Math.round(millis * 100);
        long fraction = hundredths % 100;
        return new StringBuilder(160)
                .append("surface=")
                .append(surface)
                .append(" request_id=")
                .append(requestId)
                .append(" method=")
                .append(method)
                .append(" route=")
                .append(route)
                .append(" status=")
                .append(status)
                .append(" latency_ms=")
                .append(hundredths / 100)
                .append(fraction < 10 ? ".0" : ".")
                .append(fraction)
                .append(" org=")
                .append(org)
                .toString();
    }
}
