package io.go4j.runtime;

import java.util.List;

/**
 * One live goroutine as a goroutine dump shows it: its thread, its status and its stack. It is
 * the record behind one paragraph of {@link Scheduler#dump()}, what Go's {@code runtime.Stack}
 * prints per goroutine and what uber-go/goleak parses that text back into ({@code stack.Stack}),
 * for code that wants to look at goroutines rather than read a dump.
 *
 * @param thread the goroutine's virtual thread
 * @param status the text between the brackets of Go's header line: a wait reason such as
 *     {@code chan receive} or {@code select}, followed by {@code , 3 minutes} once the
 *     goroutine has been blocked that long; or {@code running}, {@code runnable}
 * @param stack the goroutine's stack, innermost call first, without the frames of the JDK and of
 *     go4j's internals above the first frame of go4j's API or of the goroutine's own code
 * @param createdBy Go's {@code created by Class.method in goroutine N} line and the frame of the
 *     {@code go} call, or null unless the scheduler records creation sites (system property
 *     {@code go4j.creationSites})
 */
public record GoroutineInfo(Thread thread, String status, List<StackTraceElement> stack,
        String createdBy) {

    /**
     * Creates the record of one goroutine.
     *
     * @param thread the goroutine's virtual thread
     * @param status Go's status text
     * @param stack the stack, innermost call first; copied
     * @param createdBy where the goroutine was started, or null
     */
    public GoroutineInfo {
        stack = List.copyOf(stack);
    }

    /**
     * Returns the goroutine's id, the number Go prints after {@code goroutine}: its thread's id.
     *
     * @return the id
     */
    public long id() {
        return thread.threadId();
    }

    /**
     * Returns the goroutine's paragraph of a dump in Go's format: {@code goroutine 21 [chan
     * receive]:}, one {@code \tat frame} line per frame of {@link #stack()}, and the
     * {@link #createdBy()} lines if known.
     *
     * @return the paragraph, ending with a line break
     */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        out.append("goroutine ").append(id()).append(" [").append(status).append("]:\n");
        for (StackTraceElement frame : stack) {
            out.append("\tat ").append(frame).append('\n');
        }
        if (createdBy != null) {
            out.append(createdBy).append('\n');
        }
        return out.toString();
    }
}
