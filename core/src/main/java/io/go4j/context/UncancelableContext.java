package io.go4j.context;

import io.go4j.RecvChan;
import java.time.Instant;
import java.util.Optional;

/**
 * A context that is never done and has no deadline: what Go's {@code backgroundCtx},
 * {@code todoCtx} and {@code withoutCancelCtx} share.
 */
abstract class UncancelableContext implements Context {

    @Override
    public final Optional<Instant> deadline() {
        return Optional.empty();
    }

    /** Returns null, as Go's {@code Done} does for a context that can never be canceled. */
    @Override
    public final RecvChan<Void> done() {
        return null;
    }

    @Override
    public final ContextException err() {
        return null;
    }
}
