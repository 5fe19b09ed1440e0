package com.klarefi.platform.module;

import com.klarefi.platform.http.ApiRoutes;

/**
 * What a business module offers the composition root: its routes on the public API and on the
 * admin surface. Modules build themselves in a factory in their {@code api} package.
 */
public interface KlarefiModule {
    String name();

    default void apiRoutes(ApiRoutes routes) {
    }

    default void adminRoutes(ApiRoutes routes) {
    }
}
