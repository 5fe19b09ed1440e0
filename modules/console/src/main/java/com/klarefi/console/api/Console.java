package com.klarefi.console.api;

import com.klarefi.platform.http.ApiRoutes;
import com.klarefi.platform.http.HttpSurface;

/**
 * The console as the composition root mounts it: its routes (public to the HTTP surface, which
 * knows only admin tokens; each page checks the operator's session itself) and the error page that
 * renders failures under {@link ConsoleModule#PREFIX} as pages.
 */
public record Console(ApiRoutes routes, HttpSurface.ErrorPage errorPage) {}
