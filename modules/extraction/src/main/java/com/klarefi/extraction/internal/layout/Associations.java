package com.klarefi.extraction.internal.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How strongly a label points at a value on a page, in [0, 1]: on the same line right of it, below
 * it in its column, or near it in running text. The rules read a form the way a person does: a
 * label that ends its cell names the next cell or the cell below; a label in a sentence names what
 * follows it soon after.
 */
public final class Associations {
    private static final double RIGHT_SAME_CELL = 1.0;
    private static final double RIGHT_NEXT_CELL = 0.95;
    private static final double BELOW = 0.95;
    private static final double SIGNING_FACTOR = 0.3;
    private static final int PROSE_AFTER_MAX = 150;
    private static final int PROSE_BEFORE_MAX = 40;
    /** A value that opens a sentence of running text whose cue follows within it. */
    private static final double PROSE_OPENING = 0.4;

    private static final int PROSE_OPENING_MAX = 120;

    private static final int PROSE_WORDS = 8;
    /** "From: Jan de Vries &lt;jan@example.org&gt;": the value in angle brackets belongs to the label. */
    private static final Pattern ADDRESSED = Pattern.compile("[^<>\\n]{0,60}<");

    private static final Pattern QUALIFIER = Pattern.compile("\\s*(?:\\p{L}[\\p{L}.'’/-]*\\s*){1,3}[:.]?\\s*");
    private static final int SENTENCE_LOOKBACK = 250;
    private static final int SENTENCE_OPENING = 30;
    private static final Pattern SENTENCE_START = Pattern.compile("[.!?]\\s+|\\n\\s*\\n");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]\\s+\\p{Lu}");

    private final PageLayout layout;
    private final List<LabelHit> hits;
    private final Columns columns;

    /** Hits by the line they start on, and the signing lines: asked for every value and feature. */
    private final Map<Integer, List<LabelHit>> hitsByLine = new HashMap<>();

    private final Set<Integer> signingLines = new HashSet<>();
    private final int[] starts;
    /** A label's relation to a value is asked once per feature of the value's type: computed once. */
    private final Map<Long, Double> relations = new HashMap<>();

    private final Map<LabelHit, Integer> indexOf = new IdentityHashMap<>();

    public Associations(PageLayout layout, List<LabelHit> hits) {
        this.layout = layout;
        this.hits =
                hits.stream().sorted(Comparator.comparingInt(LabelHit::start)).toList();
        this.columns = new Columns(layout, this.hits);
        this.starts = this.hits.stream().mapToInt(LabelHit::start).toArray();
        for (int i = 0; i < this.hits.size(); i++) {
            indexOf.put(this.hits.get(i), i);
        }
        for (LabelHit hit : this.hits) {
            int line = layout.lineOf(hit.start());
            hitsByLine.computeIfAbsent(line, l -> new ArrayList<>()).add(hit);
            if (LabelFinder.signing(layout.text().substring(hit.start(), hit.end()))) {
                signingLines.add(line);
            }
        }
    }

    public List<LabelHit> hits() {
        return hits;
    }

    /**
     * True when the value stands in running text whose sentence opens by naming a bystander
     * ("Getuige: een bestuurder ... telefoonnummer 06-..."): the whole sentence is about someone else.
     */
    public boolean inContextSentence(int start) {
        Optional<Cell> cell = layout.cellAt(start);
        String text = layout.text();
        if (cell.isEmpty() || cell.get().tokens().size() < PROSE_WORDS) {
            return false;
        }
        int from = Math.max(0, start - SENTENCE_LOOKBACK);
        Matcher ends = SENTENCE_START.matcher(text).region(from, start);
        int sentence = from == 0 ? 0 : -1;
        while (ends.find()) {
            sentence = ends.end();
        }
        int opening = sentence;
        return sentence >= 0
                && hits.stream()
                        .anyMatch(hit -> hit.context()
                                && hit.start() >= opening
                                && hit.start() < Math.min(start, opening + SENTENCE_OPENING)
                                && ContextVocabulary.BYSTANDERS.stream()
                                        .anyMatch(
                                                word -> word.equalsIgnoreCase(text.substring(hit.start(), hit.end()))));
    }

    /** The strength with which {@code label} names the value at {@code [start, end)}. */
    public double relation(LabelHit label, int start, int end) {
        Integer index = indexOf.get(label);
        if (index == null || start >= 1 << 24 || end >= 1 << 24) {
            return computeRelation(label, start, end);
        }
        long key = ((long) index << 48) | ((long) start << 24) | end;
        Double known = relations.get(key);
        if (known == null) {
            known = computeRelation(label, start, end);
            relations.put(key, known);
        }
        return known;
    }

    private double computeRelation(LabelHit label, int start, int end) {
        if (start < label.end() && end > label.start() || !inColumn(label, start)) {
            return 0;
        }
        double score = Math.max(sameLine(label, start), prose(label, start, end));
        score = Math.max(score, columns.below(label, start));
        if (score > 0 && (signingLine(layout.lineOf(label.start())) || signingLine(layout.lineOf(start)))) {
            score *= SIGNING_FACTOR;
        }
        return score;
    }

    /**
     * Where a value named by the label may start: after it in its own cell, the next cell on its
     * line, the cell below it; never in a cell that is itself a label.
     */
    public List<int[]> valueSpans(LabelHit label) {
        List<int[]> spans = new ArrayList<>();
        if (label.column().isPresent()) {
            layout.line(layout.lineOf(label.start()))
                    .ifPresent(line -> line.cells().stream()
                            .filter(cell -> cell.start() >= label.end()
                                    && label.column().get().holds(cell.x0(), cell.x1()))
                            .findFirst()
                            .ifPresent(cell -> spans.add(new int[] {cell.start(), cell.end()})));
            return spans;
        }
        Optional<Cell> cell = layout.cellAt(label.start());
        cell.filter(own -> own.end() > label.end()).ifPresent(own -> spans.add(new int[] {label.end(), own.end()}));
        cell.flatMap(this::nextCell)
                .filter(next -> !columns.startsWithLabel(next))
                .ifPresent(next -> spans.add(new int[] {next.start(), next.end()}));
        columns.cellBelow(label)
                .filter(below -> !columns.startsWithLabel(below))
                .ifPresent(below -> spans.add(new int[] {below.start(), below.end()}));
        return spans;
    }

    /** A label of a party table's column names only values in that column. */
    private boolean inColumn(LabelHit label, int start) {
        return label.column().isEmpty()
                || layout.cellAt(start)
                        .map(cell -> label.column().get().holds(cell.x0(), cell.x1()))
                        .orElse(false);
    }

    private double sameLine(LabelHit label, int start) {
        int labelLine = layout.lineOf(label.start());
        if (layout.lineOf(start) != labelLine || layout.ordinal(start) <= layout.ordinal(label.end() - 1)) {
            return 0;
        }
        Optional<Cell> labelCell = layout.cellAt(label.start());
        Optional<Cell> valueCell = layout.cellAt(start);
        if (labelCell.isEmpty() || valueCell.isEmpty()) {
            return 0;
        }
        double penalty = Math.pow(0.3, labelsBetweenOnLine(label, start));
        if (labelCell.get().equals(valueCell.get())) {
            String between = layout.text().substring(label.end(), start);
            if (separatorsOnly(between) || ADDRESSED.matcher(between).matches()) {
                return RIGHT_SAME_CELL * penalty;
            }
            int words = between.strip().split("\\s+").length;
            if (words <= 2) {
                return (0.9 - 0.03 * words) * penalty;
            }
            return words <= 6 ? (0.8 - 0.07 * words) * penalty : 0;
        }
        boolean endsCell = labelEndsCell(layout.text(), label, labelCell.get());
        // in a party table the cells between belong to the other parties' columns, not to this label
        int skipped = label.column().isPresent()
                ? 0
                : valueCell.get().index() - labelCell.get().index() - 1;
        boolean startsCell = separatorsOnly(slice(layout.text(), valueCell.get().start(), start));
        double score = (endsCell ? RIGHT_NEXT_CELL : 0.5) - 0.12 * skipped - (startsCell ? 0 : 0.15);
        return Math.max(score, 0) * penalty;
    }

    /**
     * Running text: the label shortly before the value in the same sentence, or right after it.
     * Across lines only where both stand in running text, so that a form's neighbouring fields
     * are not read as one sentence.
     */
    private double prose(LabelHit label, int start, int end) {
        String text = layout.text();
        if (layout.textLineOf(label.start()) != layout.textLineOf(start)
                && !(inRunningText(label.start()) && inRunningText(start))) {
            return 0;
        }
        if (start >= label.end()) {
            int distance = start - label.end();
            if (distance > PROSE_AFTER_MAX || text.substring(label.end(), start).contains("\n\n")) {
                return 0;
            }
            double sentence =
                    SENTENCE_END.matcher(text.substring(label.end(), start)).find() ? 0.5 : 1;
            return (0.7 - distance / 400.0) * sentence * Math.pow(0.5, labelsBetween(label.end(), start));
        }
        int distance = label.start() - end;
        String between = text.substring(end, label.start());
        // in running text a sentence may open with its value and name it later ("On 3 September I was involved
        // in an accident"); elsewhere a value just before a label is more likely the previous field's
        boolean running = inRunningText(label.start()) && inRunningText(start);
        if (distance > (running ? PROSE_OPENING_MAX : PROSE_BEFORE_MAX)
                || between.contains("\n")
                || SENTENCE_END.matcher(between).find()) {
            return 0;
        }
        double near =
                running ? Math.max(0.8 - distance / 50.0, PROSE_OPENING - distance / 400.0) : 0.8 - distance / 50.0;
        return Math.max(near, 0) * Math.pow(0.5, labelsBetween(end, label.start()));
    }

    private boolean inRunningText(int position) {
        return layout.cellAt(position)
                .map(cell -> cell.tokens().size() >= PROSE_WORDS)
                .orElse(false);
    }

    /** Labels on the label's line after it and before the value, in reading order along the line. */
    private long labelsBetweenOnLine(LabelHit label, int start) {
        int line = layout.lineOf(label.start());
        long from = layout.ordinal(label.end() - 1);
        long to = layout.ordinal(start);
        return hitsByLine.getOrDefault(line, List.of()).stream()
                .filter(hit -> layout.ordinal(hit.start()) > from && layout.ordinal(hit.end() - 1) < to)
                .count();
    }

    private long labelsBetween(int from, int to) {
        int first = Arrays.binarySearch(starts, from);
        if (first < 0) {
            first = -first - 1;
        }
        while (first > 0 && starts[first - 1] >= from) {
            first--;
        }
        long count = 0;
        for (int i = first; i < starts.length && starts[i] < to; i++) {
            count += hits.get(i).end() <= to ? 1 : 0;
        }
        return count;
    }

    private boolean signingLine(int line) {
        return signingLines.contains(line);
    }

    private Optional<Cell> nextCell(Cell cell) {
        return layout.line(cell.line())
                .flatMap(line -> line.cells().stream()
                        .filter(other -> other.index() == cell.index() + 1)
                        .findFirst());
    }

    /**
     * True when nothing but punctuation or a few qualifying words follow the label in its cell
     * ("Registration number" where the label is "Registration").
     */
    static boolean labelEndsCell(String text, LabelHit label, Cell cell) {
        String rest = slice(text, label.end(), cell.end());
        return separatorsOnly(rest) || QUALIFIER.matcher(rest).matches();
    }

    /** The text of {@code [from, to)}, empty when the range is empty or reversed. */
    static String slice(String text, int from, int to) {
        return from >= to ? "" : text.substring(from, to);
    }

    static boolean separatorsOnly(String between) {
        return between.chars().allMatch(c -> Character.isWhitespace(c) || ":.,#-–|()/\u00b7".indexOf(c) >= 0);
    }
}
