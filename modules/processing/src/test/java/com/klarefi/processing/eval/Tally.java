package com.klarefi.processing.eval;

import java.util.Locale;

/** Counts of one row of the report: decided values against expected ones. */
final class Tally {
    int expected;
    int keep;
    int keepCorrect;
    int review;
    int reviewCorrect;
    int reviewExpected;

    void add(String expectedValue, String outcome, boolean correct) {
        if (expectedValue != null) {
            expected++;
        }
        if (outcome.equals("keep")) {
            keep++;
            keepCorrect += correct ? 1 : 0;
        } else if (outcome.equals("review")) {
            review++;
            reviewCorrect += correct ? 1 : 0;
        }
    }

    String row(String name) {
        double p = keep == 0 ? 1 : keepCorrect / (double) keep;
        double r = expected == 0 ? 1 : keepCorrect / (double) expected;
        double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
        double reviewP = review == 0 ? 1 : reviewCorrect / (double) review;
        double anyR = expected == 0 ? 1 : (keepCorrect + reviewCorrect) / (double) expected;
        return String.format(
                Locale.ROOT,
                "%-28s exp %4d | keep %4d P %.3f R %.3f F1 %.3f wrong %4d | review %4d P %.3f | keep+review R %.3f",
                name,
                expected,
                keep,
                p,
                r,
                f1,
                keep - keepCorrect,
                review,
                reviewP,
                anyR);
    }
}
