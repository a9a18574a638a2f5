package io.go4j.internal.runtime;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.util.concurrent.Executor;

/**
 * The JDK internals go4j's scheduler needs, all in {@code java.lang} and reachable only when
 * that package is opened to go4j ({@code --add-opens java.base/java.lang=ALL-UNNAMED}, or
 * {@code =io.go4j} on the module path). Each handle is null when it is not reachable; callers
 * then fall back to the JDK's default virtual-thread scheduler.
 */
public final class VirtualThreads {

    /**
     * {@code new ThreadBuilders.VirtualThreadBuilder(Executor)}: virtual threads on our carriers.
     */
    private static final MethodHandle BUILDER_WITH_SCHEDULER;
    /**
     * {@code Thread.currentCarrierThread()}: the platform thread a virtual thread is mounted on.
     */
    private static final MethodHandle CURRENT_CARRIER;
    /** {@code VirtualThread.carrierThread}: non-null while a virtual thread is mounted. */
    private static final VarHandle CARRIER_OF;

    static {
        MethodHandle builder = null;
        MethodHandle carrier = null;
        VarHandle carrierOf = null;
        try {
            MethodHandles.Lookup lookup =
                    MethodHandles.privateLookupIn(Thread.class, MethodHandles.lookup());
            Class<?> builderClass = Class.forName("java.lang.ThreadBuilders$VirtualThreadBuilder");
            builder = lookup.findConstructor(builderClass,
                    MethodType.methodType(void.class, Executor.class))
                    .asType(MethodType.methodType(Thread.Builder.OfVirtual.class, Executor.class));
            carrier = lookup.findStatic(Thread.class, "currentCarrierThread",
                    MethodType.methodType(Thread.class));
            Class<?> virtualThread = Class.forName("java.lang.VirtualThread");
            carrierOf = MethodHandles.privateLookupIn(virtualThread, MethodHandles.lookup())
                    .findVarHandle(virtualThread, "carrierThread", Thread.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            builder = null;
            carrier = null;
            carrierOf = null;
        }
        BUILDER_WITH_SCHEDULER = builder;
        CURRENT_CARRIER = carrier;
        CARRIER_OF = carrierOf;
    }

    private VirtualThreads() {
    }

    /** @return true if virtual threads can run on go4j's own carriers */
    public static boolean customSchedulerAvailable() {
        return BUILDER_WITH_SCHEDULER != null;
    }

    /**
     * Returns a builder of virtual threads whose continuations run on {@code scheduler}.
     *
     * @throws IllegalStateException if java.lang is not opened to go4j
     */
    public static Thread.Builder.OfVirtual builder(Executor scheduler) {
        if (BUILDER_WITH_SCHEDULER == null) {
            throw new IllegalStateException("java.lang is not opened to go4j");
        }
        try {
            return (Thread.Builder.OfVirtual) BUILDER_WITH_SCHEDULER.invokeExact(scheduler);
        } catch (Throwable e) {
            throw new IllegalStateException("cannot create a virtual thread builder", e);
        }
    }

    /**
     * Returns the carrier of the current virtual thread, or the current thread if it is a
     * platform thread; null if java.lang is not opened to go4j.
     */
    public static Thread currentCarrier() {
        if (CURRENT_CARRIER == null) {
            return null;
        }
        try {
            return (Thread) CURRENT_CARRIER.invokeExact();
        } catch (Throwable e) {
            return null;
        }
    }

    /**
     * Tells a running virtual thread from one waiting in a run queue.
     *
     * @return true if {@code thread} is mounted on a carrier, false if not or if that cannot be
     *     known (java.lang not opened)
     */
    public static boolean isMounted(Thread thread) {
        return CARRIER_OF != null && CARRIER_OF.getVolatile(thread) != null;
    }
}
