package io.go4j.context;

import io.go4j.RecvChan;
import java.time.Instant;
import java.util.Optional;

/** A context that is never done and has no values: Go's {@code backgroundCtx} and {@code todoCtx}. */
final class EmptyContext implements Context {

    static final EmptyContext BACKGROUND = new EmptyContext("context.Background");
    static final EmptyContext TODO = new EmptyContext("context.TODO");

    private final String name;

    private EmptyContext(String name) {
        this.name = name;
    }

    @Override
    public Optional<Instant> deadline() {
        return Optional.empty();
    }

    @Override
    public RecvChan<Void> done() {
        return null;
    }

    @Override
    public ContextException err() {
        return null;
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
