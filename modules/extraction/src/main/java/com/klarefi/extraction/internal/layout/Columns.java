package com.klarefi.extraction.internal.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Column reading: a label that is a cell of its own and stands in a header row (nothing but other
 * labels to its right) names the first cell below it in its column. A value's column is the header
 * cell it overlaps most, or else the nearest header starting left of it.
 */
final class Columns {
    private static final int MAX_CELLS_BELOW = 3;
    private static final int MAX_GAP_LINES = 3;

    private final PageLayout layout;
    private final List<LabelHit> hits;
    /** Asked for every value a label may name, for every feature: read once per label and cell. */
    private final Map<LabelHit, List<Cell>> below = new IdentityHashMap<>();

    private final Map<Integer, Boolean> labelled = new HashMap<>();

    Columns(PageLayout layout, List<LabelHit> hits) {
        this.layout = layout;
        this.hits = hits;
    }

    double below(LabelHit label, int start) {
        List<Cell> below = this.below.computeIfAbsent(label, this::cellsBelow);
        for (int i = 0; i < below.size(); i++) {
            Cell cell = below.get(i);
            if (start >= cell.start() && start < cell.end()) {
                boolean startsCell =
                        Associations.separatorsOnly(Associations.slice(layout.text(), cell.start(), start));
                return (0.95 - 0.1 * i) * (startsCell ? 1 : 0.7);
            }
        }
        return 0;
    }

    /** The first cell below the label's header cell in its column, if the label heads a column. */
    Optional<Cell> cellBelow(LabelHit label) {
        return below.computeIfAbsent(label, this::cellsBelow).stream().findFirst();
    }

    /**
     * The cells below a column header, nearest first, stopping at a gap of several lines or at a
     * cell that starts with a label (the next field of a form). Below a table's header row only
     * the first row counts (the next rows are other records); below a label alone on its line
     * (a letter's closing) up to three lines do.
     */
    private List<Cell> cellsBelow(LabelHit label) {
        Optional<Cell> header = headerCell(label);
        if (header.isEmpty()) {
            return List.of();
        }
        Line headerLine = layout.line(header.get().line()).orElseThrow();
        List<Cell> cells = new ArrayList<>();
        float lastY = headerLine.y1();
        for (Line line : layout.lines()) {
            if (line.index() <= headerLine.index()) {
                continue;
            }
            int limit = headerLine.cells().size() == 1 ? MAX_CELLS_BELOW : 1;
            if (cells.size() == limit || line.y0() - lastY > MAX_GAP_LINES * headerLine.height() * 1.6) {
                break;
            }
            Optional<Cell> inColumn = line.cells().stream()
                    .filter(cell -> columnOf(headerLine, cell) == header.get().index())
                    .findFirst();
            if (inColumn.isPresent()) {
                if (startsWithLabel(inColumn.get())) {
                    break;
                }
                cells.add(inColumn.get());
                lastY = line.y1();
            }
        }
        return cells;
    }

    /** The label's cell, when the label fills it and every cell right of it starts with a label. */
    private Optional<Cell> headerCell(LabelHit label) {
        Optional<Cell> cell = layout.cellAt(label.start());
        if (cell.isEmpty()) {
            return Optional.empty();
        }
        String text = layout.text();
        boolean fills = Associations.labelEndsCell(text, label, cell.get())
                && Associations.slice(text, cell.get().start(), label.start()).matches("[\\s\\d.:]*");
        if (!fills) {
            return Optional.empty();
        }
        Line line = layout.line(cell.get().line()).orElseThrow();
        boolean headerRow = line.cells().stream()
                .filter(other -> other.index() > cell.get().index())
                .allMatch(other -> startsWithLabel(other) || wordsOnly(other));
        return headerRow ? cell : Optional.empty();
    }

    /** A cell of words without digits reads as a column header even when it is no known label. */
    private boolean wordsOnly(Cell cell) {
        return Associations.slice(layout.text(), cell.start(), cell.end())
                .chars()
                .noneMatch(Character::isDigit);
    }

    boolean startsWithLabel(Cell cell) {
        return labelled.computeIfAbsent(cell.start(), start -> labelAtStartOf(cell));
    }

    private boolean labelAtStartOf(Cell cell) {
        return hits.stream()
                .anyMatch(hit -> hit.start() >= cell.start()
                        && hit.start() < cell.end()
                        && Associations.separatorsOnly(Associations.slice(layout.text(), cell.start(), hit.start())));
    }

    private int columnOf(Line headerLine, Cell cell) {
        Cell best = null;
        double bestOverlap = 0;
        for (Cell header : headerLine.cells()) {
            double overlap = Math.min(header.x1(), cell.x1()) - Math.max(header.x0(), cell.x0());
            if (overlap > bestOverlap) {
                best = header;
                bestOverlap = overlap;
            }
        }
        if (best != null) {
            return best.index();
        }
        return headerLine.cells().stream()
                .filter(header -> header.x0() <= cell.x0())
                .max(Comparator.comparingDouble(Cell::x0))
                .map(Cell::index)
                .orElse(-1);
    }
}
