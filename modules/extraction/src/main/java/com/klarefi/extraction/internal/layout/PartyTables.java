package com.klarefi.extraction.internal.layout;

import com.klarefi.extraction.internal.language.FeatureMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * Tables that set two parties side by side: a header row whose columns name parties ("Verzekerde" |
 * "Tegenpartij", "Your vehicle" | "Other vehicle", "Voertuig 1" | "Voertuig 2") above rows of a key
 * and a value per party. A row's key names the value in each party's column as that party's:
 * "Kenteken" in the column of the other party reads "Kenteken (Tegenpartij)". A column whose header
 * names no other party is the main party's.
 */
final class PartyTables {
    private static final int MAX_ROWS = 20;

    /** A row key read in one party's column. */
    record ColumnKey(int start, int end, String text, LabelHit.Column column, boolean otherParty) {}

    private PartyTables() {}

    static List<ColumnKey> of(PageLayout layout, FeatureMatcher matcher) {
        String text = layout.text();
        List<ColumnKey> keys = new ArrayList<>();
        List<Line> lines = layout.lines();
        for (int i = 0; i < lines.size(); i++) {
            Line header = lines.get(i);
            List<Cell> parties = partyColumns(text, header, matcher);
            if (parties.isEmpty()) {
                continue;
            }
            float keysEnd = parties.getFirst().x0();
            int row = i + 1;
            for (; row < lines.size() && row <= i + MAX_ROWS; row++) {
                Line line = lines.get(row);
                Cell first = line.cells().getFirst();
                if (line.cells().size() < 2 || first.x1() > keysEnd) {
                    break;
                }
                String key = text.substring(first.start(), first.end());
                for (int c = 0; c < parties.size(); c++) {
                    Cell party = parties.get(c);
                    float to = c + 1 < parties.size() ? parties.get(c + 1).x0() : Float.MAX_VALUE;
                    String heading = text.substring(party.start(), party.end());
                    boolean other = matcher.namesOtherParty(heading);
                    keys.add(new ColumnKey(
                            first.start(),
                            first.end(),
                            other ? key + " (" + heading + ")" : key,
                            new LabelHit.Column(party.x0() - 1, to),
                            other));
                }
            }
            i = row - 1;
        }
        return keys;
    }

    /**
     * The party columns of a header row: at least two cells right of the first that name no value
     * (no digits but a small number), one of which names another party.
     */
    private static List<Cell> partyColumns(String text, Line line, FeatureMatcher matcher) {
        if (line.cells().size() < 2) {
            return List.of();
        }
        List<Cell> cells = line.cells();
        // the header of the keys' column may be empty: then the first cell already names a party
        int from = matcher.namesParty(Associations.slice(
                        text, cells.getFirst().start(), cells.getFirst().end()))
                ? 0
                : 1;
        List<Cell> columns = cells.subList(from, cells.size());
        boolean words = columns.stream()
                .allMatch(cell -> Associations.slice(text, cell.start(), cell.end())
                                        .chars()
                                        .filter(Character::isDigit)
                                        .count()
                                <= 1
                        && cell.tokens().size() <= 4);
        boolean other = columns.stream()
                .anyMatch(cell -> matcher.namesOtherParty(Associations.slice(text, cell.start(), cell.end())));
        return columns.size() >= 2 && words && other ? columns : List.of();
    }
}
