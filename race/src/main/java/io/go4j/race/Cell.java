package io.go4j.race;

/**
 * FastTrack's shadow word for one memory location (a field of one object, an array element, a
 * static field): the last write as an epoch, the reads since as an epoch or, while several
 * unordered threads read, as a vector clock; and for each the instrumented instruction (a site)
 * that did it, for the report. A {@code volatile} field's cell holds instead the clock its writes
 * release. Guarded by its own monitor; {@link #write} and {@link #read} are also read without it,
 * for the same-epoch fast path (volatile, so that the read is never torn).
 */
final class Cell {

    /** The field's number (an object's cells) or the element's index (an array's). */
    final int key;
    volatile long write;
    int writeSite;
    /** The writer's history position at the write, to rebuild its stack. */
    int writePosition;
    /**
     * The last read's epoch while reads are totally ordered; ignored while {@link #reads} is set.
     */
    volatile long read;
    int readSite;
    int readPosition;
    /** Read-shared mode: per thread, the time of its last read, that read's site and position. */
    Clock reads;
    Clock readSites;
    Clock readPositions;
    /** The clock of a volatile field. */
    Clock sync;

    Cell(int key) {
        this.key = key;
    }
}
