package io.go4j.context;

/**
 * A context that is never done and has no values: Go's {@code backgroundCtx} and {@code todoCtx}.
 */
final class EmptyContext extends UncancelableContext {

    static final EmptyContext BACKGROUND = new EmptyContext("context.Background");
    static final EmptyContext TODO = new EmptyContext("context.TODO");

    private final String name;

    private EmptyContext(String name) {
        this.name = name;
    }

    @Override
    public Object value(Object key) {
        return null;
    }

    @Override
    public String toString() {
        return name;
    }
}
