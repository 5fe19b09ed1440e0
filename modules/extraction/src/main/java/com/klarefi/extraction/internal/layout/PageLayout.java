package com.klarefi.extraction.internal.layout;

import com.klarefi.extraction.api.BoundingBox;
import com.klarefi.extraction.api.PageLayer;
import com.klarefi.extraction.api.TextMethod;
import com.klarefi.extraction.api.Word;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A page as lines of cells. Word boxes come from the page layer; a page without boxes (plain text,
 * e-mail) gets boxes from character columns and line numbers, so one set of layout rules serves
 * both. A line is a line of the page text; cells split where words stand further apart than a
 * space (two spaces in plain text).
 */
public final class PageLayout {
    private static final Pattern COMPANY_DETAILS = Pattern.compile(
            "(?iu)(?<!\\p{L})(tel\\.|kvk|coc|btw|vat|iban|www\\.|postbus|po box|b\\.v\\.|n\\.v\\.|v\\.o\\.f\\.|gmbh|ltd)|@");

    private final PageLayer page;
    private final boolean synthetic;
    private final List<Line> lines;
    /** {@link #lines} by their index, for {@link #line(int)}: it is asked for every value and label. */
    private final Line[] lineByIndex;

    private final int[] textLineOfChar;
    private final int[] lineOfChar;

    /**
     * Lines are text lines, except on OCR pages: there they are visual rows (see {@link VisualRows}),
     * because OCR text runs block by block while labels and values pair up along rows.
     */
    private PageLayout(PageLayer page) {
        this.page = page;
        this.synthetic = page.words().isEmpty();
        this.textLineOfChar = lineIndex(page.text());
        List<Token> tokens = synthetic ? syntheticTokens(page.text()) : tokens(page);
        if (page.method() == TextMethod.OCR && !synthetic) {
            int[] rowOf = VisualRows.of(tokens, textLineOfChar[page.text().length()] + 1);
            this.lineOfChar =
                    Arrays.stream(textLineOfChar).map(line -> rowOf[line]).toArray();
            tokens = tokens.stream()
                    .map(t -> new Token(
                            t.start(), t.end(), t.x0(), t.y0(), t.x1(), t.y1(), t.confidence(), rowOf[t.line()]))
                    .toList();
        } else {
            this.lineOfChar = textLineOfChar;
        }
        this.lines = group(tokens);
        this.lineByIndex = new Line[lines.stream().mapToInt(Line::index).max().orElse(-1) + 1];
        for (Line line : lines.reversed()) {
            lineByIndex[line.index()] = line; // the first line with an index wins, as a search would find it
        }
    }

    public static PageLayout of(PageLayer page) {
        return new PageLayout(page);
    }

    public PageLayer page() {
        return page;
    }

    public String text() {
        return page.text();
    }

    List<Line> lines() {
        return lines;
    }

    /** The line index of a character of the text. */
    int lineOf(int charIndex) {
        return lineOfChar[Math.min(Math.max(charIndex, 0), lineOfChar.length - 1)];
    }

    /** The index of the text line (between line breaks of the text) of a character. */
    int textLineOf(int charIndex) {
        return textLineOfChar[Math.min(Math.max(charIndex, 0), textLineOfChar.length - 1)];
    }

    /**
     * Orders positions along a line: by cell, then by character. On a visual row the cells may come
     * from anywhere in the text, so character offsets alone do not say what stands between.
     */
    long ordinal(int charIndex) {
        return ((long) cellAt(charIndex).map(Cell::index).orElse(0) << 32) | charIndex;
    }

    /** The line with the given text line index, if it has words. */
    Optional<Line> line(int index) {
        return index >= 0 && index < lineByIndex.length ? Optional.ofNullable(lineByIndex[index]) : Optional.empty();
    }

    /** The cell holding a character, if a word covers or directly precedes it on its line. */
    Optional<Cell> cellAt(int charIndex) {
        Optional<Line> line = line(lineOf(charIndex));
        if (line.isPresent()) {
            // asked for every label and value: a loop, not a stream
            for (Cell cell : line.get().cells()) {
                if (cell.start() <= charIndex && charIndex < Math.max(cell.end(), cell.start() + 1)) {
                    return Optional.of(cell);
                }
            }
        }
        return Optional.empty();
    }

    /** The box around the words touching {@code [start, end)}, when the page has real boxes. */
    public Optional<BoundingBox> box(int start, int end) {
        if (synthetic) {
            return Optional.empty();
        }
        float x0 = Float.MAX_VALUE, y0 = Float.MAX_VALUE, x1 = -1, y1 = -1;
        for (Word word : page.words()) {
            if (word.charEnd() > start && word.charStart() < end) {
                x0 = Math.min(x0, word.x0());
                y0 = Math.min(y0, word.y0());
                x1 = Math.max(x1, word.x1());
                y1 = Math.max(y1, word.y1());
            }
        }
        return x1 < 0 ? Optional.empty() : Optional.of(new BoundingBox(x0, y0, x1, y1));
    }

    /** The lowest recogniser confidence of the words touching {@code [start, end)}. */
    public double confidence(int start, int end) {
        return page.words().stream()
                .filter(word -> word.charEnd() > start && word.charStart() < end)
                .mapToDouble(Word::confidence)
                .min()
                .orElse(1.0);
    }

    /**
     * True when the character stands in a publisher's letterhead or footer: a line of items
     * separated by middle dots, or a line in the top fifth or bottom eighth of the page that carries
     * company details (phone, chamber of commerce, VAT, bank, web address). Values there describe
     * whoever printed the document, rarely the case. Plain text (an e-mail) has no typeset margins:
     * its first lines are the message's own header, whose sender is a party.
     */
    public boolean letterhead(int charIndex) {
        return boilerplate(charIndex) || companyMargin(charIndex, true);
    }

    /** A publisher's footer: a dotted line, or company details in the bottom eighth of the page. */
    public boolean footer(int charIndex) {
        return boilerplate(charIndex) || companyMargin(charIndex, false);
    }

    /**
     * True when the character stands in a letterhead or footer that names an insurer: on a claim
     * the insurer is the recipient, so its details there belong to no party of the case.
     */
    public boolean insurerMargin(int charIndex) {
        return (boilerplate(charIndex) || companyMargin(charIndex, true) || companyMargin(charIndex, false))
                && ContextVocabulary.INSURER.matcher(lineText(charIndex)).find();
    }

    /** A line of items separated by middle dots: a publisher's footer or letterhead. */
    public boolean boilerplate(int charIndex) {
        return lineText(charIndex).chars().filter(c -> c == '\u00b7').count() >= 2;
    }

    /** A line with company details in the bottom eighth (or, with {@code top}, the top fifth) of the page. */
    private boolean companyMargin(int charIndex, boolean top) {
        Optional<Line> line = line(lineOf(charIndex));
        if (line.isEmpty() || synthetic || page.method() == TextMethod.TEXT || page.height() <= 0) {
            return false;
        }
        float middle = (line.get().y0() + line.get().y1()) / 2;
        boolean margin = (top && middle < 0.2f * page.height()) || middle > 0.88f * page.height();
        return margin && COMPANY_DETAILS.matcher(lineText(charIndex)).find();
    }

    private String lineText(int charIndex) {
        return line(lineOf(charIndex))
                .map(line -> line.cells().stream()
                        .map(cell -> Associations.slice(page.text(), cell.start(), cell.end()))
                        .collect(Collectors.joining("  ")))
                .orElse("");
    }

    /** The gap between words that separates cells, in page units. */
    float cellGap(Line line) {
        return synthetic ? 1.5f : Math.max(0.8f * line.height(), 4f);
    }

    private static int[] lineIndex(String text) {
        int[] index = new int[text.length() + 1];
        int line = 0;
        for (int i = 0; i < text.length(); i++) {
            index[i] = line;
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        index[text.length()] = line;
        return index;
    }

    private List<Token> tokens(PageLayer layer) {
        List<Token> tokens = new ArrayList<>();
        for (Word word : layer.words()) {
            if (word.charStart() >= 0 && word.charEnd() <= layer.text().length() && word.charStart() < word.charEnd()) {
                tokens.add(new Token(
                        word.charStart(),
                        word.charEnd(),
                        word.x0(),
                        word.y0(),
                        word.x1(),
                        word.y1(),
                        word.confidence(),
                        textLineOf(word.charStart())));
            }
        }
        return tokens;
    }

    private List<Token> syntheticTokens(String text) {
        List<Token> tokens = new ArrayList<>();
        int lineStart = 0;
        for (int i = 0; i <= text.length(); i++) {
            boolean boundary = i == text.length() || Character.isWhitespace(text.charAt(i));
            if (!boundary) {
                int start = i;
                while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                int line = textLineOf(start);
                tokens.add(new Token(start, i, start - lineStart, line, i - lineStart, line + 0.8f, 1f, line));
            }
            if (i < text.length() && text.charAt(i) == '\n') {
                lineStart = i + 1;
            }
        }
        return tokens;
    }

    private List<Line> group(List<Token> tokens) {
        List<Line> result = new ArrayList<>();
        List<Token> sorted = new ArrayList<>(tokens);
        sorted.sort(Comparator.comparingInt(Token::line).thenComparingDouble(Token::x0));
        int from = 0;
        while (from < sorted.size()) {
            int to = from;
            while (to < sorted.size()
                    && sorted.get(to).line() == sorted.get(from).line()) {
                to++;
            }
            result.add(line(sorted.subList(from, to)));
            from = to;
        }
        return List.copyOf(result);
    }

    private Line line(List<Token> tokens) {
        float y0 = (float) tokens.stream().mapToDouble(Token::y0).min().orElse(0);
        float y1 = (float) tokens.stream().mapToDouble(Token::y1).max().orElse(0);
        Line bare = new Line(tokens.getFirst().line(), y0, y1, List.of());
        float gap = cellGap(bare);
        List<Cell> cells = new ArrayList<>();
        int from = 0;
        for (int i = 1; i <= tokens.size(); i++) {
            // A cell is a span of the text: OCR boxes that overlap may order two words against the
            // text, and then they stand in cells of their own.
            if (i == tokens.size()
                    || tokens.get(i).x0() - tokens.get(i - 1).x1() > gap
                    || textLineOf(tokens.get(i).start())
                            != textLineOf(tokens.get(i - 1).start())
                    || tokens.get(i).start() < tokens.get(i - 1).end()) {
                List<Token> run = tokens.subList(from, i);
                // one text line; OCR may order its words otherwise than their boxes stand
                int start = run.stream().mapToInt(Token::start).min().orElseThrow();
                int end = run.stream().mapToInt(Token::end).max().orElseThrow();
                cells.add(new Cell(
                        bare.index(),
                        cells.size(),
                        start,
                        end,
                        run.getFirst().x0(),
                        run.getLast().x1(),
                        run));
                from = i;
            }
        }
        return new Line(bare.index(), y0, y1, cells);
    }
}
