package io.go4j.context;

import io.go4j.RecvChan;
import java.time.Instant;
import java.util.Optional;

/** A context carrying one key-value pair: Go's {@code valueCtx}. */
final class ValueContext implements Context {

    final Context parent;
    final Object key;
    final Object val;

    ValueContext(Context parent, Object key, Object val) {
        this.parent = parent;
        this.key = key;
        this.val = val;
    }

    @Override
    public Optional<Instant> deadline() {
        return parent.deadline();
    }

    @Override
    public RecvChan<Void> done() {
        return parent.done();
    }

    @Override
    public ContextException err() {
        return parent.err();
    }

    @Override
    public Object value(Object key) {
        return CancelContext.lookup(this, key);
    }

    @Override
    public String toString() {
        return parent + ".WithValue(" + key + ", " + val + ")";
    }
}
