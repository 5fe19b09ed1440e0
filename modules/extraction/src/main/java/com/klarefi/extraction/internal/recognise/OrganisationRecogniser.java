package com.klarefi.extraction.internal.recognise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Organisation names. A name that ends in a legal form (Inc., LLC, GmbH, B.V., Sdn Bhd, ...) is an
 * organisation wherever it stands, so such names are found anywhere; other names are read only
 * where a label points, as a phrase of capitalised words ("Eric Dean Sprunk (EMPLOYEE)" is "Eric
 * Dean Sprunk"; a sentence in capitals is no name). Normalised as printed with whitespace
 * collapsed, commas dropped, a free-standing {@code &} written {@code and} and "Incorporated"
 * written "Inc." ("Sears, Roebuck & Co." is "Sears Roebuck and Co."), so that the same company
 * printed with or without the comma before its legal form is one value. A name is read across a
 * line break only when the line with the legal form has no name word of its own ("POPULAR BOOK /
 * CO. (M) SDN BHD"), and then from the line right above it only; leading numbers are no part of
 * it, but for a bare number of up to three digits that opens the name's line and has words after
 * it ("99 SPEED MART S/B"), and a name never starts right after an {@code @} ("JIMART@SP3" is a
 * handle). A phrase may close its line with its branch in brackets ("CORNER CAFE (KEPONG)").
 */
final class OrganisationRecogniser implements Recogniser {
    /** Legal forms of companies in many countries, longest first where one is a prefix of another. */
    private static final String LEGAL_FORM = "(?:Incorporated|Inc\\.?|Corporation|Corp\\.?|Company|Co\\.,?\\s?Ltd\\.?"
            + "|Limited|Ltd\\.?|L\\.L\\.C\\.|LLC|L\\.L\\.P\\.|LLP|L\\.P\\.|LP|PLC|plc|GmbH|AG|KGaA|e\\.V\\."
            + "|B\\.V\\.?|BV|N\\.V\\.?|NV|S\\.A\\.S\\.|SAS|S\\.A\\.R\\.L\\.|SARL|S\\.A\\.|SA|S\\.p\\.A\\.|SpA|S\\.r\\.l\\.|Srl"
            + "|S\\.L\\.|SL|Sdn\\.?\\s?Bhd\\.?|Bhd\\.?|S/B|PLT|Enterprise|Trading|Pty\\.?\\s?Ltd\\.?|Pte\\.?\\s?Ltd\\.?|Oy|Oyj|AB|ASA|A/S|ApS"
            + "|K\\.K\\.|Co\\.)";
    /**
     * A word of a name; a legal form that closes one name never opens the next ("X Inc. and Y Co.").
     * Or a branch in brackets of up to three words, OCR's spaces inside it and its closing bracket
     * perhaps lost ("(KL )", "(BATU TIGA)", "(M").
     */
    private static final String WORD =
            "(?:(?!(?i:inc|incorporated|corp|corporation|ltd|limited|llc|gmbh|plc|bhd|b\\.v|n\\.v|s\\.a|ag|bv|nv)\\b)"
                    + "[\\p{Lu}\\d][\\p{L}\\d&'’.\\-]*(?:/\\p{Lu}[\\p{L}\\d&'’.\\-]*)?"
                    + "|\\(\\s?[\\p{Lu}\\d]{1,12}(?:\\s[\\p{Lu}\\d]{1,12}){0,2}\\s?\\)?)";

    private static final String CONNECTOR = "(?:and|&|of|the|for|de|van|der|und|et|y|e)";
    private static final String GAP = "(?:[ \\t\u00a0]+|[ \\t\u00a0]*\\n[ \\t\u00a0]*)";
    /** A name and its legal form, a word of its own after a gap or a comma ("INV" is no "I" of the form "NV"). */
    private static final Pattern NAME = Pattern.compile("(?<![\\p{L}\\d&@])("
            + WORD + "(?:(?:,?" + GAP + "|" + GAP + CONNECTOR + GAP + ")" + WORD + "){0,6})"
            + "(?:" + GAP + "(?:and|&))?(?:,?" + GAP + "|,)(?=\\p{Lu})((?i:" + LEGAL_FORM + "))(?![\\p{L}\\d])");
    /** Words that open a sentence or a defined term, never a company's name. */
    private static final Set<String> NOT_A_NAME_START = Set.of(
            "the",
            "this",
            "that",
            "each",
            "such",
            "any",
            "a",
            "an",
            "between",
            "by",
            "and",
            "of",
            "receiving",
            "disclosing",
            "said",
            "other",
            "our",
            "your",
            "its",
            "no");

    /** Words of running text, in capitals as contracts print whole clauses: never in a name. */
    private static final Set<String> PROSE_WORDS = Set.of(
            "the",
            "to",
            "in",
            "by",
            "any",
            "that",
            "may",
            "hereby",
            "is",
            "are",
            "will",
            "shall",
            "with",
            "as",
            "at",
            "his",
            "her",
            "its",
            "their",
            "or",
            "not",
            "on",
            "be",
            "me",
            "i",
            "we",
            "you",
            "this",
            "hereto",
            "which",
            "who",
            "has",
            "have",
            "from",
            "such",
            "each",
            "if",
            "agree",
            "agrees",
            "acknowledges",
            "information",
            "confidential",
            "agreement",
            "party",
            "parties");

    private static final int PHRASE_WORDS = 6;
    /** A bracketed word whose closing bracket OCR lost: no bracket closes after it. */
    private static final Pattern UNCLOSED = Pattern.compile("\\((\\s?[\\p{Lu}\\d]{1,12})(?=\\s)(?![^()]*\\))");
    /** A space just inside a bracket. */
    private static final Pattern INNER_BRACKET_SPACE = Pattern.compile("(?<=\\()\\s+|\\s+(?=\\))");
    /** What may follow a header's name on its line: its registration number in brackets, or nothing. */
    private static final Pattern CLOSED_LINE = Pattern.compile("[ \\t]*(?:\\([^()\\n]*\\)?[ \\t]*)?(?:\\n|$)");
    /** "Sony Corporation of America": a corporation or company named after its place goes on past its form. */
    private static final Pattern OF_PLACE = Pattern.compile(
            "[ \\t]+of[ \\t]+(?:the[ \\t]+)?\\p{Lu}[\\p{L}]+(?:[ \\t]+\\p{Lu}[\\p{L}]+)?(?![\\p{L}\\d])");
    /** A person's generation after the name ("Thomas W. Mills, Sr.", "Eugene Wright III") belongs to it. */
    private static final Pattern GENERATION =
            Pattern.compile(",?\\s*(?:Jr\\.|Sr\\.|JR\\.|SR\\.|II|III|IV)(?![\\p{L}\\d])");
    /**
     * One spelling per legal form, so that a company printed with or without dots is one value:
     * "Incorporated" and "Inc" are "Inc.", "Limited" is "Ltd.", "L.L.C." is "LLC", "L.P." is "LP".
     */
    private static final String[][] LEGAL_FORM_SPELLINGS = {
        {"Incorporated", "Inc."},
        {"Inc", "Inc."},
        {"Corp", "Corp."},
        {"Limited", "Ltd."},
        {"Ltd", "Ltd."},
        {"L\\.L\\.C\\.?", "LLC"},
        {"L\\.L\\.P\\.?", "LLP"},
        {"L\\.P\\.?", "LP"}
    };
    /** A branch or outlet named in brackets after a name: one capitalised word ("(KEPONG)", "(Kuchai)"). */
    private static final Pattern BRANCH = Pattern.compile("\\(\\p{Lu}[\\p{L}\\d]+\\)");
    /** A capitalised phrase is a name less surely than one with a legal form: unsure, it goes to review. */
    private static final double PHRASE_STRENGTH = 0.75;
    /** Words of multi-word legal forms ("Sdn Bhd", "Pty Ltd"), which are no name of their own. */
    private static final Set<String> FORM_PARTS =
            Set.of("sdn", "bhd", "pty", "pte", "ltd", "inc", "corp", "llc", "plc");

    /** What follows a word that labels a number: "No: ...", "Reg. No. ...", ": ...". */
    private static final Pattern LABEL_REST =
            Pattern.compile("(?is)\\s*(?:reg(?:istration)?\\.?|no\\.?|number|id)(?![\\p{L}]).*" + "|[^:]*:.*");

    private final boolean asPrinted;

    OrganisationRecogniser() {
        this(false);
    }

    /**
     * With {@code asPrinted}, names are normalised as a {@code text} value is (whitespace collapsed,
     * punctuation and {@code &} kept): a case type that asks for the issuer's name as text asks for it
     * as printed.
     */
    OrganisationRecogniser(boolean asPrinted) {
        this.asPrinted = asPrinted;
    }

    private String normalised(String printed) {
        // OCR's spaces inside a name's brackets ("(KL )", "( BATU TIGA )") are no part of it
        String name = asPrinted ? OcrEdges.clean(printed) : normalise(printed);
        // and a bracket OCR lost before the form is closed ("ACME (M SDN BHD" is "ACME (M) SDN BHD")
        return INNER_BRACKET_SPACE
                .matcher(UNCLOSED.matcher(name).replaceAll("($1)"))
                .replaceAll("");
    }

    @Override
    public List<Match> scan(String printed) {
        List<Match> matches = new ArrayList<>();
        String text = LegalForms.repaired(printed);
        Matcher matcher = NAME.matcher(text);
        int from = 0;
        while (from < text.length() && matcher.find(from)) {
            int formLine = text.lastIndexOf('\n', matcher.start(2) - 1) + 1;
            if (formLine > matcher.start() && labelLine(text, formLine, matcher.start(2), matcher.end())) {
                // "ADVANCO COMPANY" over "Company No: 725186-V": the form opens a label, the name ends above
                Matcher above = NAME.matcher(text).region(matcher.start(), formLine - 1);
                if (above.find()) {
                    add(text, above, matches);
                }
            } else {
                add(text, matcher, matches);
            }
            from = matcher.end();
        }
        return matches;
    }

    private void add(String text, Matcher matcher, List<Match> matches) {
        boolean closed =
                CLOSED_LINE.matcher(text).region(matcher.end(), text.length()).lookingAt();
        int start = nameStart(text, lastLine(text, matcher.start(), matcher.start(2), closed), matcher.start(2));
        if (start >= 0) {
            int end = matcher.end();
            Matcher where = OF_PLACE.matcher(text).region(end, Math.min(text.length(), end + 40));
            if (matcher.group(2).matches("(?i)corporation|company") && where.lookingAt()) {
                end = where.end();
            }
            matches.add(new Match(start, end, normalised(text.substring(start, end)), 1.0));
        }
    }

    /** Whether a legal form opens its line and more follows it there: a label ("Company No: ..."), no name's end. */
    private static boolean labelLine(String text, int lineStart, int formStart, int formEnd) {
        int lineEnd = text.indexOf('\n', formEnd);
        String rest = text.substring(formEnd, lineEnd < 0 ? text.length() : lineEnd);
        return text.substring(lineStart, formStart).isBlank()
                && LABEL_REST.matcher(rest).matches();
    }

    /** A name read where a label points: a legal-form name starting there, else the phrase. */
    @Override
    public Optional<Match> readAt(String text, int from, int to) {
        int start = Spans.skipSeparators(text, from, to);
        int lineEnd = Spans.lineEnd(text, start, to);
        // scanned from where the label points, so that a name before it cannot swallow this one
        Optional<Match> named = scan(text.substring(start, Math.min(text.length(), lineEnd + 80))).stream()
                .filter(match -> match.start() == 0)
                .findFirst()
                .map(match -> new Match(start, start + match.end(), match.normalized(), match.strength()));
        if (named.isPresent()) {
            return named;
        }
        return phrase(text, start, joinedLineEnd(text, lineEnd))
                .map(match -> asPrinted
                        ? new Match(
                                match.start(),
                                match.end(),
                                normalised(text.substring(match.start(), match.end())),
                                match.strength())
                        : match);
    }

    /**
     * Where a name's line ends: at the end of the next line where this one ends in an ampersand, as a
     * header prints a long name over two lines ("HOME MASTER HARDWARE &" over "ELECTRICAL"), also
     * where the name is read to its line's end only (a line of the page's header).
     */
    private static int joinedLineEnd(String text, int lineEnd) {
        int last = lineEnd;
        while (last > 0 && Character.isWhitespace(text.charAt(last - 1)) && text.charAt(last - 1) != '\n') {
            last--;
        }
        if (last == 0 || text.charAt(last - 1) != '&' || lineEnd >= text.length()) {
            return lineEnd;
        }
        return Spans.lineEnd(text, lineEnd + 1, text.length());
    }

    /** Capitalised words (and joining words between them) up to punctuation or the end of the line. */
    private static Optional<Match> phrase(String text, int start, int end) {
        Words words = Words.of(text, start, end);
        int lineEnd = Spans.lineEnd(text, start, end);
        if (lineEnd < end) {
            // the name goes on on the next line (see joinedLineEnd)
            Words next = Words.of(text, lineEnd + 1, end);
            List<Integer> starts = new ArrayList<>(words.starts());
            List<Integer> ends = new ArrayList<>(words.ends());
            starts.addAll(next.starts());
            ends.addAll(next.ends());
            words = new Words(starts, ends, text);
        }
        int last = -1;
        for (int i = 0; i < words.size() && i < PHRASE_WORDS; i++) {
            String word = words.word(i).replaceAll("[,;:.]+$", "");
            String bare = word.toLowerCase(Locale.ROOT);
            boolean capitalised = !word.isEmpty() && Character.isUpperCase(word.charAt(0));
            boolean joining = i > 0 && (bare.equals("of") || bare.equals("&")); // "and" joins two parties in prose
            if (i > 0
                    && BRANCH.matcher(words.word(i)).matches()
                    && endsLine(text, words.ends().get(i))) {
                // a branch or outlet in brackets closes a header's name ("CORNER CAFE (KEPONG)"); in a
                // sentence, a word in brackets is a defined term ("Jane Doe (Employee) Acme, Inc.")
                last = i;
                break;
            }
            if (word.isEmpty() || word.startsWith("(") || PROSE_WORDS.contains(bare) || !capitalised && !joining) {
                break;
            }
            last = i;
            if (words.word(i).matches(".*[,;:]$")) {
                break;
            }
        }
        while (last >= 0
                && !Character.isUpperCase(words.word(last).charAt(0))
                && !(BRANCH.matcher(words.word(last)).matches()
                        && endsLine(text, words.ends().get(last)))) {
            last--;
        }
        if (last < 0) {
            return Optional.empty();
        }
        int from = words.starts().getFirst();
        int to = words.ends().get(last);
        while (to > from && ",;:".indexOf(text.charAt(to - 1)) >= 0) {
            to--;
        }
        Matcher suffix = GENERATION.matcher(text).region(to, Math.min(end, to + 8));
        if (suffix.lookingAt()) {
            to = suffix.end();
        }
        String value = text.substring(from, to);
        long letters = value.chars().filter(Character::isLetter).count();
        if (last < 1 || letters < 0.6 * value.replaceAll("\\s", "").length()) {
            return Optional.empty();
        }
        return Optional.of(new Match(from, to, normalise(value), PHRASE_STRENGTH));
    }

    /**
     * Where a name crossing a line break starts: on the legal form's own line when the line above
     * holds nothing but the rest of the name (a receipt's separate header lines, "JIMART@SP3" over
     * "OGN GROUP SDN BHD") and the form's line has a name word of three letters or more; a name
     * that running text wraps ("between Aspect Medical / Systems Inc.") stays whole.
     */
    private static int lastLine(String text, int start, int formStart, boolean closed) {
        int newline = text.lastIndexOf('\n', formStart - 1);
        if (newline < start) {
            return start;
        }
        boolean wholeLineAbove = lineOpens(text, start);
        List<String> beforeForm = Arrays.stream(
                        text.substring(newline + 1, formStart).split("\\s+"))
                .filter(word -> !word.isEmpty())
                .toList();
        long ownWords = beforeForm.stream()
                .filter(word -> word.matches("\\p{L}{3,}") && !FORM_PARTS.contains(word.toLowerCase(Locale.ROOT)))
                .count();
        boolean ownWord = ownWords > 0;
        if (wholeLineAbove && ownWord) {
            return newline + 1;
        }
        if (!wholeLineAbove && ownWords >= 2 && closed) {
            // the tail of another line above ("NOODLE BAR - TAMAN JAYA" over "SILVER BOWL SDN. BHD.
            // (1234567-V)") is no part of a name that fills its own header line; prose that wraps a name
            // goes on after its form (", a Delaware corporation")
            return newline + 1;
        }
        // a form on a line of its own ("Sdn Bhd") ends the name of the line right above it, not a header
        // line further up ("GRILL HOUSE" over "Acme Chicken Malaysia" over "Sdn Bhd")
        int above = text.lastIndexOf('\n', newline - 1);
        // alone: nothing but the form's first word before it ("Sdn" of "Sdn Bhd"), no end of a name ("ALAM) SDN BHD")
        boolean formAlone = beforeForm.stream().allMatch(word -> FORM_PARTS.contains(word.toLowerCase(Locale.ROOT)));
        return wholeLineAbove && formAlone && above >= start && lineOpens(text, above + 1) ? above + 1 : start;
    }

    /** Names without a legal form are read only where a label or the page's zone points. */
    @Override
    public boolean anchored() {
        return true;
    }

    /** The start of the name without leading sentence words, or -1 when nothing of a name is left. */
    private static int nameStart(String text, int start, int formStart) {
        int position = start;
        while (position < formStart) {
            int wordEnd = position;
            while (wordEnd < formStart && !Character.isWhitespace(text.charAt(wordEnd))) {
                wordEnd++;
            }
            String word = text.substring(position, wordEnd);
            // a number that opens the name's line and stands bare before it is the name's ("99 SPEED MART S/B")
            boolean leadingNumber = position == start
                    && lineOpens(text, start)
                    && word.matches("\\d{1,3}")
                    && restOfLineHasLetters(text, wordEnd);
            if (leadingNumber
                    || !NOT_A_NAME_START.contains(word.toLowerCase(Locale.ROOT)) && !word.matches("[\\d.,:#-]+")) {
                return text.substring(position, formStart).isBlank() ? -1 : position;
            }
            position = wordEnd;
            while (position < formStart && Character.isWhitespace(text.charAt(position))) {
                position++;
            }
        }
        return -1;
    }

    /** Whether nothing but blanks follows a position on its line. */
    private static boolean endsLine(String text, int position) {
        return restOfLine(text, position).isBlank();
    }

    /** Whether a letter follows a position on its line: "99 SPEED MART", not a line of numbers ("3 1803057"). */
    private static boolean restOfLineHasLetters(String text, int position) {
        return restOfLine(text, position).chars().anyMatch(Character::isLetter);
    }

    private static String restOfLine(String text, int position) {
        int lineEnd = text.indexOf('\n', position);
        return text.substring(position, lineEnd < 0 ? text.length() : lineEnd);
    }

    /** Whether only blanks, or the edge glyphs OCR reads at a scan's border ("| 99 SPEED MART"), stand before a position on its line. */
    private static boolean lineOpens(String text, int position) {
        int lineStart = text.lastIndexOf('\n', position - 1) + 1;
        return OcrEdges.skipLeading(text, lineStart, position) == position;
    }

    static String normalise(String printed) {
        String name = printed.replace(",", " ")
                .replaceAll("(?U)\\s*&\\s*", " and ")
                .replaceAll("(?U)\\s+", " ")
                .strip();
        for (String[] form : LEGAL_FORM_SPELLINGS) {
            name = name.replaceAll("(?i)(?<=\\s)" + form[0] + "$", form[1]);
        }
        // a sentence's period after a name without an abbreviated form is no part of it
        return name.matches("(?s).*\\s\\p{L}{4,}\\.$") && !name.matches("(?is).*\\s(?:inc|corp|ltd|bhd)\\.$")
                ? name.substring(0, name.length() - 1)
                : name;
    }
}
