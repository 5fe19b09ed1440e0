package com.klarefi.platform.net;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * IPv4 addresses written other than as four decimal numbers: {@code 2130706433}, {@code 0x7f.1},
 * {@code 0177.0.0.1}, {@code 127.1}. Resolvers disagree on what these mean (the JDK reads
 * {@code 0177} as 177, C libraries and browsers as 127) and some send them to DNS, so a URL
 * with such a host is refused before anything is resolved.
 */
public final class NumericHosts {
    private static final Pattern NUMBER = Pattern.compile("(?i)0x[0-9a-f]*|[0-9]+");
    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final Pattern DOTTED_DECIMAL = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");

    private NumericHosts() {}

    /** True when the host looks like a number but is not a dotted-decimal IPv4 address. */
    public static boolean isAmbiguous(String host) {
        // A trailing dot (an absolute name) does not make a number a name.
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String[] parts = name.split("\\.", -1);
        boolean numeric = parts.length <= 4
                && Arrays.stream(parts).allMatch(part -> NUMBER.matcher(part).matches());
        return numeric && !DOTTED_DECIMAL.matcher(host).matches();
    }
}
