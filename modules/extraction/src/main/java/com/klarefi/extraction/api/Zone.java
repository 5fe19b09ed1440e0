package com.klarefi.extraction.api;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where on a page a feature's value stands: the header (the top of the first page: letterhead,
 * a receipt's shop name and address), the footer (the bottom of a page) or the body between them.
 */
public enum Zone {
    HEADER("header"),
    BODY("body"),
    FOOTER("footer");

    private final String wireName;

    Zone(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Zone> fromWireName(String name) {
        return Arrays.stream(values())
                .filter(zone -> zone.wireName.equals(name))
                .findFirst();
    }
}
