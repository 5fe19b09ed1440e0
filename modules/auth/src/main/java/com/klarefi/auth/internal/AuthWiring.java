package com.klarefi.auth.internal;

import com.klarefi.platform.module.KlarefiModule;

/** The auth module as the composition root sees it. */
public final class AuthWiring implements KlarefiModule {
    @Override
    public String name() {
        return "auth";
    }
}
