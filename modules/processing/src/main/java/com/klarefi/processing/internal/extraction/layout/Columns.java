package com.klarefi.processing.internal.extraction.layout;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Column reading: a label that is a cell of its own and stands in a header row (nothing but other
 * labels to its right) names the first cell below it in its column. A value's column is the header
 * cell it overlaps most, or else the nearest header starting left of it.
 */
final class Columns {
    private static final int MAX_LINES_BELOW = 3;

    private final PageLayout layout;
    private final List<LabelHit> hits;

    Columns(PageLayout layout, List<LabelHit> hits) {
        this.layout = layout;
        this.hits = hits;
    }

    double below(LabelHit label, int start) {
        Optional<Cell> header = headerCell(label);
        if (header.isEmpty()) {
            return 0;
        }
        Optional<Cell> below = cellBelow(label);
        if (below.isEmpty() || start < below.get().start() || start >= below.get().end()) {
            return 0;
        }
        boolean startsCell = Associations.separatorsOnly(Associations.slice(layout.text(), below.get().start(), start));
        int lines = below.get().line() - header.get().line();
        return Math.max(0.95 - 0.05 * (lines - 1), 0.5) * (startsCell ? 1 : 0.7);
    }

    /** The first cell below the label's header cell in its column, if the label heads a column. */
    Optional<Cell> cellBelow(LabelHit label) {
        Optional<Cell> header = headerCell(label);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        Line headerLine = layout.line(header.get().line()).orElseThrow();
        for (Line line : layout.lines()) {
            if (line.index() <= headerLine.index()) {
                continue;
            }
            if (line.index() - headerLine.index() > 4 * MAX_LINES_BELOW
                    || line.y0() - headerLine.y1() > MAX_LINES_BELOW * headerLine.height() * 1.6) {
                return Optional.empty();
            }
            Optional<Cell> inColumn = line.cells().stream()
                    .filter(cell -> columnOf(headerLine, cell) == header.get().index())
                    .findFirst();
            if (inColumn.isPresent()) {
                return inColumn;
            }
        }
        return Optional.empty();
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
        return layout.text().substring(cell.start(), cell.end()).chars().noneMatch(Character::isDigit);
    }

    boolean startsWithLabel(Cell cell) {
        return hits.stream().anyMatch(hit -> hit.start() >= cell.start() && hit.start() < cell.end()
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
