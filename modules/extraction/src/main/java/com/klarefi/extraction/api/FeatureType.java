package com.klarefi.extraction.api;

import java.util.Arrays;
import java.util.Optional;

/** What kind of value a feature holds; decides the recogniser and the normalised form. */
public enum FeatureType {
    /** {@code YYYY-MM-DD}. */
    DATE("date"),
    /** {@code HH:MM}, 24 hours. */
    TIME("time"),
    /** {@code EUR 1234.56}: ISO 4217 code, a space, the amount with a dot and two decimals. */
    MONEY("money"),
    /** Upper case, no spaces, valid checksum. */
    IBAN("iban"),
    /** Dutch plate, upper case, with the dashes of its side code ({@code GV-123-K}). */
    LICENSE_PLATE("license_plate"),
    /** E.164 ({@code +31612345678}); national numbers are read as Dutch. */
    PHONE("phone"),
    /** Lower case. */
    EMAIL("email"),
    /** First name, tussenvoegsel and surname in reading order ({@code Jan de Vries}). */
    PERSON_NAME("person_name"),
    /** As printed, whitespace collapsed. */
    ORGANIZATION_NAME("organization_name"),
    /** A short free text after a label, e.g. a city; as printed. */
    TEXT("text"),
    /** As printed, whitespace collapsed; must match the feature's pattern when one is given. */
    IDENTIFIER("identifier"),
    /** ISO 3166-1 alpha-2. */
    COUNTRY("country"),
    /** Dutch chamber of commerce number, 8 digits. */
    KVK("kvk"),
    /** Dutch postcode {@code 1234 AB}. */
    POSTCODE("postcode"),
    /**
     * {@code 3_years}, {@code 18_months}, {@code 90_days}, {@code 1_year}: the number, an underscore
     * and the unit, singular for one (weeks become days; numbers written in words are read). Not ISO 8601 ({@code P3Y}): this wire form is what stored
     * results and contract benchmarks (Kleister-NDA's {@code term}) already use, and changing it
     * would break them.
     */
    DURATION("duration"),
    /**
     * A country or first-level subdivision (a US state, a Canadian province, a German Land) by its
     * English name: {@code New York}, {@code Netherlands}. Read where a label or cue points, e.g.
     * a governing-law clause.
     */
    PLACE("place");

    private final String wireName;

    FeatureType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<FeatureType> fromWireName(String name) {
        return Arrays.stream(values())
                .filter(type -> type.wireName.equals(name))
                .findFirst();
    }
}
