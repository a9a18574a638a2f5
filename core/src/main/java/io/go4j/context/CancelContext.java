package io.go4j.context;

import io.go4j.Chan;
import io.go4j.Go;
import io.go4j.RecvChan;
import io.go4j.Select;
import io.go4j.internal.race.Race;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A context that can be canceled: Go's {@code cancelCtx}, with the package's helpers
 * ({@code propagateCancel}, {@code parentCancelCtx}, {@code removeChild}, {@code value}).
 *
 * <p>Canceling sets the error and cause, closes the done channel, cancels every child, and
 * takes this context out of its parent's set of children, so that a canceled child costs the
 * parent nothing. The done channel is made on first demand; a context canceled before anyone asked
 * for it shares one closed channel with all such contexts (Go's {@code closedchan}).
 */
class CancelContext implements Context {

    /**
     * The key under which {@link #value} answers the nearest cancelable context: Go's
     * {@code cancelCtxKey}.
     */
    static final Object KEY = new Object();
    private static final Chan<Void> CLOSED = Chan.make();

    static {
        CLOSED.close();
    }

    final Context parent;

    /** Null until asked for or canceled. Written under the monitor. */
    private volatile Chan<Void> done;
    /** Null until canceled. Written under the monitor, before {@link #done} is closed. */
    private volatile ContextException err;
    /** Guarded by the monitor. */
    private Throwable cause;
    /**
     * Contexts to cancel with this one; null when there are none yet, or once canceled.
     * Monitor-guarded.
     */
    private Set<CancelContext> children;

    CancelContext(Context parent) {
        this.parent = parent;
    }

    @Override
    public Optional<Instant> deadline() {
        return parent.deadline();
    }

    @Override
    public RecvChan<Void> done() {
        Chan<Void> d = done;
        if (d != null) {
            return d;
        }
        synchronized (this) {
            if (done == null) {
                done = Chan.make();
            }
            return done;
        }
    }

    @Override
    public ContextException err() {
        return err;
    }

    @Override
    public Object value(Object key) {
        return lookup(this, key);
    }

    @Override
    public String toString() {
        return parent + ".WithCancel";
    }

    synchronized Throwable cause() {
        return cause;
    }

    /**
     * Cancels this context and its descendants: Go's {@code cancelCtx.cancel} (and, through
     * {@link #canceled()}, that of the contexts built on it). Does nothing if it is canceled
     * already.
     *
     * @param removeFromParent whether to leave the parent's children (false when the parent is
     *     the one canceling)
     * @param e why: {@link Context#CANCELED} or {@link Context#DEADLINE_EXCEEDED}
     * @param why the cause, or null to make it {@code e}
     */
    void cancel(boolean removeFromParent, ContextException e, Throwable why) {
        Throwable c = why == null ? e : why;
        // The children are canceled with the monitor held, as Go does with c.mu: a cancel that
        // finds this context canceled already waits here until the descendants are too, so
        // every cancel call returns with the whole subtree canceled. Monitors are taken from
        // parent to child only; removeChild takes the parent's after this one is released.
        synchronized (this) {
            if (err != null) {
                return;
            }
            err = e;
            cause = c;
            if (done == null) {
                if (Race.ENABLED) {
                    Race.release(CLOSED);
                }
                done = CLOSED;
            } else {
                done.close();
            }
            if (children != null) {
                for (CancelContext child : children) {
                    child.cancel(false, e, c);
                }
                children = null;
            }
        }
        if (removeFromParent) {
            removeChild(parent, this);
        }
        canceled();
    }

    /** Called once, by the {@link #cancel} that canceled this context, at its end. */
    void canceled() {
    }

    /**
     * Arranges for {@code child} to be canceled when {@code parent} is: Go's
     * {@code propagateCancel}. A go4j parent adopts the child; a context of another
     * implementation is watched by a goroutine, until either is done.
     */
    static void propagateCancel(Context parent, CancelContext child) {
        RecvChan<Void> pdone = parent.done();
        if (pdone == null) {
            return;
        }
        if (pdone.tryReceive() != null) {
            child.cancel(false, parent.err(), Context.cause(parent));
            return;
        }
        CancelContext p = parentCancelContext(parent, pdone);
        if (p == null) {
            Go.go(() -> Select.select(
                    Select.recv(pdone,
                            v -> child.cancel(false, parent.err(), Context.cause(parent))),
                    Select.recv(child.done())));
        } else if (!p.adopt(child)) {
            child.cancel(false, p.err, p.cause());
        }
    }

    /** Adds {@code child} to the children, unless this context is canceled already. */
    private synchronized boolean adopt(CancelContext child) {
        if (err != null) {
            return false;
        }
        if (children == null) {
            children = new HashSet<>();
        }
        children.add(child);
        return true;
    }

    /**
     * The go4j cancelable context behind {@code parent} whose done channel {@code parent} uses, or
     * null (a context of another implementation, or one that replaces the done channel): Go's
     * {@code parentCancelCtx}.
     */
    private static CancelContext parentCancelContext(Context parent, RecvChan<Void> pdone) {
        return parent.value(KEY) instanceof CancelContext p && p.done() == pdone ? p : null;
    }

    /** Takes {@code child} out of its parent's children: Go's {@code removeChild}. */
    static void removeChild(Context parent, CancelContext child) {
        RecvChan<Void> pdone = parent.done();
        CancelContext p = pdone == null ? null : parentCancelContext(parent, pdone);
        if (p != null) {
            synchronized (p) {
                if (p.children != null) {
                    p.children.remove(child);
                }
            }
        }
    }

    /**
     * Looks {@code key} up from {@code c} towards the root without recursing through go4j's own
     * contexts: Go's {@code value}. {@link #KEY} finds the nearest cancelable context, except
     * across a {@link WithoutCancelContext}.
     */
    static Object lookup(Context c, Object key) {
        for (;;) {
            if (c instanceof ValueContext v) {
                if (v.key.equals(key)) {
                    return v.val;
                }
                c = v.parent;
            } else if (c instanceof CancelContext cc) {
                if (key == KEY) {
                    return cc;
                }
                c = cc.parent;
            } else if (c instanceof WithoutCancelContext w) {
                if (key == KEY) {
                    return null;
                }
                c = w.parent;
            } else if (c instanceof EmptyContext) {
                return null;
            } else {
                return c.value(key);
            }
        }
    }
}
