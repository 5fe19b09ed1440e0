package com.klarefi.intake.internal.sessions;

import com.klarefi.extraction.api.FeatureType;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A normalised value as the applicant reads it in their language: {@code 2024-04-26} becomes
 * "26 april 2024", {@code EUR 1259.25} "€ 1.259,25" and {@code AT} "Oostenrijk" on a Dutch page.
 * A value that is not in the normalised form of its type is shown as it is.
 */
public final class LocalValues {
    private static final Pattern MONEY = Pattern.compile("([A-Z]{3}) (-?\\d+(?:\\.\\d+)?)");
    private static final Pattern DURATION = Pattern.compile("(\\d+)_(years|months|weeks|days)");
    private static final Map<String, String[]> UNITS_NL = Map.of(
            "years",
            new String[] {"jaar", "jaar"},
            "months",
            new String[] {"maand", "maanden"},
            "weeks",
            new String[] {"week", "weken"},
            "days",
            new String[] {"dag", "dagen"});
    private static final Map<String, String[]> UNITS_EN = Map.of(
            "years",
            new String[] {"year", "years"},
            "months",
            new String[] {"month", "months"},
            "weeks",
            new String[] {"week", "weeks"},
            "days",
            new String[] {"day", "days"});

    private LocalValues() {}

    /** {@code locale} is a session's locale, {@code nl} or {@code en}. */
    public static String format(FeatureType type, String normalized, String locale) {
        Locale language = "nl".equals(locale) ? Locale.of("nl", "NL") : Locale.UK;
        try {
            return switch (type) {
                case DATE ->
                    LocalDate.parse(normalized)
                            .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                                    .withLocale(language));
                case MONEY -> money(normalized, language);
                case COUNTRY -> country(normalized, language);
                case IBAN -> normalized.replaceAll("(.{4})(?!$)", "$1 ");
                case DURATION -> duration(normalized, "nl".equals(locale) ? UNITS_NL : UNITS_EN);
                default -> normalized;
            };
        } catch (RuntimeException notNormalised) {
            return normalized;
        }
    }

    private static String money(String normalized, Locale language) {
        Matcher matcher = MONEY.matcher(normalized);
        if (!matcher.matches()) {
            return normalized;
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(language);
        format.setCurrency(Currency.getInstance(matcher.group(1)));
        // Plain spaces, so what the page shows is what the applicant can type back.
        return format.format(new BigDecimal(matcher.group(2)))
                .replace('\u00a0', ' ')
                .replace('\u202f', ' ');
    }

    private static String country(String code, Locale language) {
        if (!code.matches("[A-Z]{2}")) {
            return code;
        }
        String name = Locale.of("", code).getDisplayCountry(language);
        return name.isEmpty() || name.equals(code) ? code : name;
    }

    private static String duration(String normalized, Map<String, String[]> units) {
        Matcher matcher = DURATION.matcher(normalized);
        if (!matcher.matches()) {
            return normalized;
        }
        String[] unit = units.get(matcher.group(2));
        return matcher.group(1) + " " + (matcher.group(1).equals("1") ? unit[0] : unit[1]);
    }
}
