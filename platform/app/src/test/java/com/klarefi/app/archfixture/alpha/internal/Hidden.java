package com.klarefi.app.archfixture.alpha.internal;

/** Fixture: an internal class another module must not use. */
public final class Hidden {
    public static int secret() {
        return 42;
    }
}
