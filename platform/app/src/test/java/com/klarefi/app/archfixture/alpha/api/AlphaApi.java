package com.klarefi.app.archfixture.alpha.api;

/** Fixture: a module's legitimate api, which itself leans on another module (for the cycle rule). */
public final class AlphaApi {
    public String describe() {
        return com.klarefi.app.archfixture.beta.internal.Intruder.class.getSimpleName();
    }
}
