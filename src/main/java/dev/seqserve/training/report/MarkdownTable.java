package dev.seqserve.training.report;

import java.util.ArrayList;
import java.util.List;

/** A GitHub-flavoured markdown table, built row by row. */
public final class MarkdownTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    /**
     * @param header the column titles
     */
    public MarkdownTable(String... header) {
        this.header = List.of(header);
    }

    /**
     * Adds a row; cells are printed as given.
     *
     * @param cells one value per column
     * @return this table
     */
    public MarkdownTable row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException(header.size() + " columns but " + cells.length + " cells");
        }
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(String.valueOf(cell).replace("|", "\\|"));
        }
        rows.add(row);
        return this;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        out.append("| ").append(String.join(" | ", header)).append(" |\n");
        out.append("|").append(" --- |".repeat(header.size())).append('\n');
        for (List<String> row : rows) {
            out.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return out.toString();
    }
}
