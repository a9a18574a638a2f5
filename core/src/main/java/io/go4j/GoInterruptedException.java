package io.go4j;

/**
 * Thrown by a blocking go4j operation when its thread is interrupted while it waits. Go has no
 * interruption; this is go4j's unchecked counterpart of {@link InterruptedException}.
 *
 * <p>The operation had no effect: an interrupted send delivered nothing, an interrupted receive
 * consumed nothing, an interrupted select chose no case. The thread's interrupt status is still
 * set when this is thrown.
 */
public class GoInterruptedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public GoInterruptedException() {
        super("interrupted while blocked in a go4j operation");
    }
}
