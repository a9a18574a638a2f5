package io.go4j.race;

import java.util.Arrays;

/**
 * The shadow cells of one object or array, made on first access. An array's cells are indexed by
 * element; an object's are few (the fields that were accessed), kept in a small list.
 */
final class Shadow {

    private Cell[] cells;
    private int count;

    /** @return the cell of field number {@code field} */
    synchronized Cell field(int field) {
        if (cells == null) {
            cells = new Cell[4];
        }
        for (int i = 0; i < count; i++) {
            if (cells[i].key == field) {
                return cells[i];
            }
        }
        if (count == cells.length) {
            cells = Arrays.copyOf(cells, count * 2);
        }
        Cell c = new Cell(field);
        cells[count++] = c;
        return c;
    }

    /** @return the cell of element {@code index} of an array of {@code length} elements */
    synchronized Cell element(int index, int length) {
        if (cells == null) {
            cells = new Cell[length];
        }
        Cell c = cells[index];
        if (c == null) {
            c = new Cell(index);
            cells[index] = c;
        }
        return c;
    }
}
