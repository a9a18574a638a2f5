package io.go4j.context;

/** A context with its parent's values but never done: Go's {@code withoutCancelCtx}. */
final class WithoutCancelContext extends UncancelableContext {

    final Context parent;

    WithoutCancelContext(Context parent) {
        this.parent = parent;
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
