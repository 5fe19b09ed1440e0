package com.klarefi.app.archfixture.beta.internal;

import com.klarefi.app.archfixture.alpha.internal.Hidden;
import org.jdbi.v3.core.Jdbi;

/** Fixture: breaks the rules on purpose, so the architecture test can show they bite. */
public final class Intruder {
    public int steal() {
        return Hidden.secret();
    }

    public Class<?> persistWithoutRepository() {
        return Jdbi.class;
    }

    public String decodeAFormFieldItself(String field) {
        return java.net.URLDecoder.decode(field, java.nio.charset.StandardCharsets.UTF_8);
    }
}
