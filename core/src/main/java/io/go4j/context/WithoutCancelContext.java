package io.go4j.context;

import io.go4j.RecvChan;
import java.time.Instant;
import java.util.Optional;

/** A context with its parent's values but never done: Go's {@code withoutCancelCtx}. */
final class WithoutCancelContext implements Context {

    final Context parent;

    WithoutCancelContext(Context parent) {
        this.parent = parent;
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
        return CancelContext.lookup(this, key);
    }

    @Override
    public String toString() {
        return parent + ".WithoutCancel";
    }
}
