package com.klarefi.extraction.internal.recognise;

import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Which of day and month a document writes first in a numeric date such as 04/05/2021. The value
 * alone cannot say; the document can: another numeric date that is impossible one way round
 * (04/25/2021), its written dates ("April 25, 2021" against "25 April 2021") and the places it
 * names (a US state, a Dutch province), whose country's customary order the JDK's locale data
 * (CLDR) gives.
 */
enum DateOrder {
    DAY_FIRST,
    MONTH_FIRST,
    UNKNOWN;

    /** The order of the evidence: more for month first is month first, more for day first is day first. */
    static DateOrder of(int monthFirst, int dayFirst) {
        return monthFirst > dayFirst ? MONTH_FIRST : dayFirst > monthFirst ? DAY_FIRST : UNKNOWN;
    }

    /**
     * The order a country writes short dates in, from its English locale's short date pattern
     * (en_US "M/d/yy", en_GB "dd/MM/y"); unknown where there is none or it starts with the year.
     */
    static DateOrder ofCountry(String isoCountry) {
        Locale english = Locale.of("en", isoCountry);
        if (Locale.availableLocales().noneMatch(english::equals)) {
            return UNKNOWN;
        }
        String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(
                FormatStyle.SHORT, null, IsoChronology.INSTANCE, english);
        int month = pattern.indexOf('M');
        int day = pattern.indexOf('d');
        int year = pattern.indexOf('y');
        if (month < 0 || day < 0 || year >= 0 && year < Math.min(month, day)) {
            return UNKNOWN;
        }
        return month < day ? MONTH_FIRST : DAY_FIRST;
    }
}
