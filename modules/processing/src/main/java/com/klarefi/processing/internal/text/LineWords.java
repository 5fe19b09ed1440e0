package com.klarefi.processing.internal.text;

import com.klarefi.processing.internal.text.LineReader.Glyph;
import com.klarefi.processing.internal.text.TsvLayout.Box;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One line's words from two recognisers: where the words are from Tesseract, what they say from the
 * line recogniser. Each character the line recogniser read goes to the Tesseract word nearest to
 * where it was read, unless it is half a line's height or more away from every word; the characters
 * of one word make its text, and a space the line recogniser read inside a word splits it. A word
 * Tesseract is sure of and the line recogniser is not keeps Tesseract's text, as does a word the
 * line recogniser read nothing of if Tesseract is fairly sure of it.
 *
 * <p>Two corrections follow what each recogniser gets wrong on receipts. Tesseract splits an amount at
 * its decimal point ("41 .45", "11. 80") where the print is tight, so a digit, a decimal point and a
 * digit read in a row stay one word. The line recogniser reads a lower-case l as 1 and an O as 0 inside
 * words ("Tota1", "NV0ICE"), so in a word of letters such a digit with no digit beside it is read as
 * the letter: between letters always, at the word's edge beside a lower-case letter. It reads a wide
 * minus twice ("--0.01"), so dashes before a number are one. Its full-width brackets and colons
 * become ASCII (NFKC).
 */
final class LineWords {
    /** Below this mean probability the line recogniser's reading of a line is not taken. */
    static final float MIN_LINE_PROBABILITY = 0.5f;

    /**
     * How far from every Tesseract word, in line heights, a character is taken as made up: in the wide
     * gaps between a receipt's columns the line recogniser reads brackets and letters that are not
     * there ("TOTAL ROUNDED(2 ORM 33.90").
     */
    static final double GAP_REACH = 0.5;

    /**
     * A word Tesseract read with at least this confidence keeps Tesseract's text unless the line
     * recogniser read it with a mean probability of {@link #TAKE_SURE_READING} or more. Both were chosen
     * on SROIE's line transcriptions of its first 135 training receipts: of the 15,223 words Tesseract
     * found on a transcribed line, Tesseract alone read 0.780 right, the line recogniser alone 0.811,
     * this choice 0.841.
     */
    static final float KEEP_SURE_WORD = 0.85f;

    static final double TAKE_SURE_READING = 0.93;

    /** A word the line recogniser read nothing of keeps Tesseract's text from this confidence on. */
    static final float KEEP_UNREAD_WORD = 0.5f;

    private LineWords() {}

    /** The line's words: {@code words} (Tesseract's, left to right) read again from {@code glyphs}. */
    static List<Box> merge(List<Box> words, List<Glyph> glyphs) {
        if (words.isEmpty() || glyphs.stream().noneMatch(glyph -> !glyph.space())) {
            return words;
        }
        double probability =
                glyphs.stream().mapToDouble(Glyph::probability).average().orElse(0);
        if (probability < MIN_LINE_PROBABILITY) {
            return words;
        }
        int[] wordOf = assign(words, glyphs);
        double[] sum = new double[words.size()];
        int[] count = new int[words.size()];
        for (int g = 0; g < glyphs.size(); g++) {
            if (wordOf[g] >= 0) {
                sum[wordOf[g]] += glyphs.get(g).probability();
                count[wordOf[g]]++;
            }
        }
        boolean[] tesseracts = new boolean[words.size()];
        for (int w = 0; w < words.size(); w++) {
            float confidence = words.get(w).confidence();
            tesseracts[w] = count[w] == 0
                    ? confidence >= KEEP_UNREAD_WORD
                    : confidence >= KEEP_SURE_WORD && sum[w] / count[w] < TAKE_SURE_READING;
        }
        List<Piece> pieces = new ArrayList<>();
        Piece current = null;
        Glyph before = null;
        Glyph twoBefore = null;
        int lastWord = -1;
        for (int g = 0; g < glyphs.size(); g++) {
            Glyph glyph = glyphs.get(g);
            int word = wordOf[g];
            if (word < 0 || tesseracts[word]) {
                if (word >= 0 || glyph.space()) {
                    current = null;
                    before = null;
                    twoBefore = null;
                }
                continue;
            }
            boolean sameWord = current != null && (lastWord == word || amountGoesOn(twoBefore, before, glyph));
            if (!sameWord) {
                current = new Piece(word);
                pieces.add(current);
            }
            current.add(glyph, word);
            lastWord = word;
            twoBefore = before;
            before = glyph;
        }
        List<Box> merged = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            Piece piece = pieces.get(i);
            Box first = words.get(piece.word);
            Box last = words.get(piece.lastWord);
            Piece previous = i > 0 ? pieces.get(i - 1) : null;
            Piece next = i + 1 < pieces.size() ? pieces.get(i + 1) : null;
            // A word the line recogniser split keeps its box up to midway between the pieces' glyphs.
            int x0 = previous != null && previous.lastWord == piece.word
                    ? (int) Math.round((previous.glyphs.getLast().x()
                                    + piece.glyphs.getFirst().x())
                            / 2)
                    : first.x0();
            int x1 = next != null && next.word == piece.lastWord
                    ? (int) Math.round(
                            (piece.glyphs.getLast().x() + next.glyphs.getFirst().x()) / 2)
                    : last.x1();
            String text = piece.text();
            if (text.isEmpty()) {
                continue;
            }
            merged.add(new Box(
                    text,
                    Math.min(x0, x1 - 1),
                    Math.min(first.y0(), last.y0()),
                    Math.max(x1, x0 + 1),
                    Math.max(first.y1(), last.y1()),
                    piece.probability()));
        }
        for (int w = 0; w < words.size(); w++) {
            if (tesseracts[w]) {
                merged.add(words.get(w));
            }
        }
        merged.sort(Comparator.comparingInt(Box::x0));
        return merged;
    }

    /**
     * Each character's Tesseract word (an index into {@code words}): the nearest one, or -1 for a space
     * or a character half a line's height or more from every word.
     */
    static int[] assign(List<Box> words, List<Glyph> glyphs) {
        Box line = Box.around(words);
        double reach = (line.y1() - line.y0()) * GAP_REACH;
        int[] wordOf = new int[glyphs.size()];
        for (int g = 0; g < glyphs.size(); g++) {
            Glyph glyph = glyphs.get(g);
            int word = nearest(words, glyph.x());
            wordOf[g] = glyph.space() || away(words.get(word), glyph.x()) > reach ? -1 : word;
        }
        return wordOf;
    }

    /** A decimal point between digits, or the digit after it: "41" "." "45" is one amount. */
    private static boolean amountGoesOn(Glyph twoBefore, Glyph before, Glyph glyph) {
        if (before == null) {
            return false;
        }
        if (digit(before) && separator(glyph)) {
            return true;
        }
        return twoBefore != null && digit(twoBefore) && separator(before) && digit(glyph);
    }

    private static boolean digit(Glyph glyph) {
        return glyph.text().length() == 1 && Character.isDigit(glyph.text().charAt(0));
    }

    private static boolean separator(Glyph glyph) {
        return glyph.text().equals(".") || glyph.text().equals(",");
    }

    private static int nearest(List<Box> words, double x) {
        int nearest = 0;
        double distance = Double.MAX_VALUE;
        for (int i = 0; i < words.size(); i++) {
            double away = away(words.get(i), x);
            if (away < distance) {
                distance = away;
                nearest = i;
            }
        }
        return nearest;
    }

    private static double away(Box word, double x) {
        return x < word.x0() ? word.x0() - x : x > word.x1() ? x - word.x1() : 0;
    }

    /** A 1 or 0 read as the letter it stands for in a word of at least two letters (see the class). */
    static String letters(String word) {
        int letters = 0;
        for (int i = 0; i < word.length(); i++) {
            letters += Character.isLetter(word.charAt(i)) ? 1 : 0;
        }
        if (letters < 2) {
            return word;
        }
        char[] chars = word.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c != '0' && c != '1') {
                continue;
            }
            char left = i > 0 ? word.charAt(i - 1) : ' ';
            char right = i + 1 < chars.length ? word.charAt(i + 1) : ' ';
            if (Character.isDigit(left) || Character.isDigit(right)) {
                continue;
            }
            boolean leftLetter = Character.isLetter(left);
            boolean rightLetter = Character.isLetter(right);
            if (leftLetter && rightLetter) {
                boolean upper = Character.isUpperCase(left) && Character.isUpperCase(right);
                chars[i] = c == '0' ? (upper ? 'O' : 'o') : (upper ? 'I' : 'l');
            } else if ((leftLetter && Character.isLowerCase(left)) || (rightLetter && Character.isLowerCase(right))) {
                // At a word's edge only beside a lower-case letter ("Tota1", "1ncl"): codes such as
                // "SS1" or "1A" print their digits there.
                chars[i] = c == '0' ? 'o' : 'l';
            }
        }
        return new String(chars);
    }

    /** The line recogniser's characters of one word as the page's text (see the class). */
    static String clean(CharSequence characters) {
        return sign(
                letters(Normalizer.normalize(characters, Normalizer.Form.NFKC).strip()));
    }

    /** A doubled minus before a number read as one ("--0.01"): CTC reads a wide dash twice. */
    static String sign(String word) {
        int dashes = 0;
        while (dashes < word.length() && word.charAt(dashes) == '-') {
            dashes++;
        }
        return dashes > 1 && dashes < word.length() && Character.isDigit(word.charAt(dashes))
                ? word.substring(dashes - 1)
                : word;
    }

    /** Characters read in a row as one word, from Tesseract's word {@code word} to {@code lastWord}. */
    private static final class Piece {
        final int word;
        int lastWord;
        final List<Glyph> glyphs = new ArrayList<>();

        Piece(int word) {
            this.word = word;
        }

        void add(Glyph glyph, int glyphWord) {
            glyphs.add(glyph);
            lastWord = glyphWord;
        }

        String text() {
            StringBuilder text = new StringBuilder();
            glyphs.forEach(glyph -> text.append(glyph.text()));
            return clean(text);
        }

        float probability() {
            double sum = 0;
            for (Glyph glyph : glyphs) {
                sum += glyph.probability();
            }
            return (float) (sum / glyphs.size());
        }
    }
}
