package com.klarefi.extraction.internal;

import com.klarefi.extraction.api.FeatureDefinition;
import com.klarefi.extraction.api.FeatureType;
import com.klarefi.extraction.api.Role;
import com.klarefi.extraction.api.Zone;
import com.klarefi.extraction.internal.recognise.Match;
import com.klarefi.extraction.internal.recognise.OcrEdges;
import com.klarefi.extraction.internal.recognise.Recogniser;
import com.klarefi.extraction.internal.recognise.Zones;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Support for a value from where it stands, for features that say so with a role or zone instead
 * of (or beside) labels: "the company at the top of a receipt" is the issuer's name in the header.
 * It is kept apart from label support on purpose: the page reader takes the larger of the two, so
 * a printed label still decides where there is one, and a value is never placed by both at once.
 */
final class Placement {
    /** A value in the stated zone, with nothing else for it: enough for review, not for keep. */
    private static final double IN_ZONE = 0.55;
    /** An organisation with a legal form, or an address block with a postcode, in the header. */
    private static final double TYPED_IN_ZONE = 0.75;
    /** Each non-blank line further down the header weakens a header value by this much. */
    private static final double PER_LINE = 0.04;

    private final String text;
    private final Zones zones;

    Placement(String text, boolean firstPage) {
        this.text = text;
        this.zones = new Zones(text, firstPage);
    }

    /** The zone a feature's value stands in: as stated, or the header for an issuer's details. */
    static Optional<Zone> zoneOf(FeatureDefinition feature) {
        return feature.zone()
                .or(() -> feature.role().filter(role -> role == Role.ISSUER).map(role -> Zone.HEADER));
    }

    /** True when a letterhead is where the feature's value is, so it must not be discounted there. */
    static boolean wantsHeader(FeatureDefinition feature) {
        return zoneOf(feature).filter(zone -> zone == Zone.HEADER).isPresent();
    }

    /** Values a line-reading recogniser reads at the start of each line of the feature's zone. */
    List<Match> zoneValues(FeatureDefinition feature, Recogniser recogniser) {
        List<Match> values = new ArrayList<>();
        Optional<Zone> zone = zoneOf(feature);
        if (zone.isEmpty() || !recogniser.anchored()) {
            return values;
        }
        int lineStart = 0;
        while (lineStart < text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            lineEnd = lineEnd < 0 ? text.length() : lineEnd;
            if (zones.zone(lineStart) == zone.get() && plausibleLine(text.substring(lineStart, lineEnd))) {
                recogniser
                        .readAt(text, OcrEdges.skipLeading(text, lineStart, lineEnd), lineEnd)
                        .ifPresent(values::add);
            }
            lineStart = lineEnd + 1;
        }
        return values;
    }

    /** The support a value has from standing where the feature says its value stands. */
    double support(FeatureDefinition feature, Match value) {
        Optional<Zone> zone = zoneOf(feature);
        if (zone.isEmpty() || zones.zone(value.start()) != zone.get()) {
            return 0;
        }
        boolean typed = value.strength() >= 1.0
                && (feature.type() == FeatureType.ORGANIZATION_NAME || feature.type() == FeatureType.TEXT);
        double base = typed ? TYPED_IN_ZONE : IN_ZONE;
        double line = zone.get() == Zone.HEADER ? PER_LINE * zones.line(value.start()) : 0;
        return Math.max(0, base - line) * value.strength();
    }

    /** A line that can hold a name: mostly letters, a word of three letters or more. */
    private static boolean plausibleLine(String line) {
        String compact = line.replaceAll("\\s+", "");
        long letters = compact.chars().filter(Character::isLetter).count();
        return letters >= 3 && letters >= 0.6 * compact.length() && line.matches("(?s).*\\p{L}{3,}.*");
    }
}
