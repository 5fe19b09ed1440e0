package com.klarefi.platform.http;

import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import java.util.ArrayList;
import java.util.List;

/**
 * The routes one surface (public API or admin) collects from every module before the server
 * starts. Collecting them first, instead of registering straight into Helidon, lets the surface
 * answer 405 with {@code Allow} for a known path and 404 for everything else, in the envelope.
 */
public final class ApiRoutes {
    private final String prefix;
    private final Route.Access defaultAccess;
    private final List<Route> routes = new ArrayList<>();

    public ApiRoutes(String prefix, Route.Access defaultAccess) {
        this.prefix = prefix;
        this.defaultAccess = defaultAccess;
    }

    public ApiRoutes get(String path, Handler handler) {
        return add(Method.GET, path, handler, defaultAccess);
    }

    public ApiRoutes post(String path, Handler handler) {
        return add(Method.POST, path, handler, defaultAccess);
    }

    public ApiRoutes put(String path, Handler handler) {
        return add(Method.PUT, path, handler, defaultAccess);
    }

    public ApiRoutes patch(String path, Handler handler) {
        return add(Method.PATCH, path, handler, defaultAccess);
    }

    public ApiRoutes delete(String path, Handler handler) {
        return add(Method.DELETE, path, handler, defaultAccess);
    }

    /** A route anyone may call, such as health. */
    public ApiRoutes publicRoute(Method method, String path, Handler handler) {
        return add(method, path, handler, Route.Access.PUBLIC);
    }

    public ApiRoutes add(Method method, String path, Handler handler, Route.Access access) {
        String template = prefix + path;
        for (Route existing : routes) {
            if (existing.template().equals(template) && existing.method().equals(method)) {
                throw new IllegalStateException("route registered twice: " + method.text() + " " + template);
            }
        }
        routes.add(new Route(method, template, handler, access));
        return this;
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }

    public String prefix() {
        return prefix;
    }
}
