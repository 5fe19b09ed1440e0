package com.klarefi.platform.module;

import com.klarefi.platform.http.ApiRoutes;

/**
 * What a business module offers the composition root: its routes on the public API, on the
 * admin surface and its pages. Modules build themselves in a factory in their {@code api} package.
 */
public interface KlarefiModule {
    String name();

    default void apiRoutes(ApiRoutes routes) {}

    default void adminRoutes(ApiRoutes routes) {}

    /**
     * Pages for people on the public listener, outside {@code /api} (e.g. the applicant's intake
     * page). They need no API key; failures render as HTML, not in the JSON envelope.
     */
    default void pageRoutes(ApiRoutes routes) {}
}
