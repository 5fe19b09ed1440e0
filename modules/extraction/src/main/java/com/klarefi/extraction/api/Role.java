package com.klarefi.extraction.api;

import java.util.Arrays;
import java.util.Optional;

/**
 * Whose value a feature holds, where no label says so: the issuer printed the document (a
 * receipt's shop, a letter's sender; its name and address head the page), the recipient is who it
 * is addressed to, the counterparty is the other side named in its text (a contract's party).
 */
public enum Role {
    ISSUER("issuer"),
    RECIPIENT("recipient"),
    COUNTERPARTY("counterparty");

    private final String wireName;

    Role(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Role> fromWireName(String name) {
        return Arrays.stream(values())
                .filter(role -> role.wireName.equals(name))
                .findFirst();
    }
}
