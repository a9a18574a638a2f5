package io.go4j.race;

import java.lang.reflect.Array;
import java.util.Arrays;

/**
 * The shadow cells of one object or array, made on first access. An array's cells are indexed by
 * element, in an array as long as the array (which checks the index too); an object's are few
 * (the fields that were accessed), kept in a small list. Lookups of existing cells take no lock:
 * a cell is published, fully made, through the volatile array.
 */
final class Shadow {

    private volatile Cell[] cells;
    private int count;

    /** @return the cell of field number {@code field} */
    Cell field(int field) {
        Cell[] cs = cells;
        if (cs != null) {
            for (Cell c : cs) {
                if (c == null) {
                    break;
                }
                if (c.key == field) {
                    return c;
                }
            }
        }
        return addField(field);
    }

    private synchronized Cell addField(int field) {
        if (cells == null) {
            cells = new Cell[4];
        }
        for (int i = 0; i < count; i++) {
            if (cells[i].key == field) {
                return cells[i];
            }
        }
        Cell c = new Cell(field);
        Cell[] cs = count == cells.length ? Arrays.copyOf(cells, count * 2) : cells.clone();
        cs[count++] = c;
        cells = cs;
        return c;
    }

    /**
     * @return the cell of element {@code index} of {@code array}, or null if the index is out of
     *     bounds (the access is about to fail)
     */
    Cell element(Object array, int index) {
        Cell[] cs = cells;
        if (cs != null) {
            if (index < 0 || index >= cs.length) {
                return null;
            }
            Cell c = cs[index];
            if (c != null) {
                return c;
            }
        }
        int length = Array.getLength(array);
        return index < 0 || index >= length ? null : addElement(index, length);
    }

    private synchronized Cell addElement(int index, int length) {
        if (cells == null) {
            cells = new Cell[length];
        }
        Cell c = cells[index];
        if (c == null) {
            c = new Cell(index);
            cells[index] = c;
            cells = cells; // a volatile write: publishes the new cell to lock-free lookups
        }
        return c;
    }
}
