package io.go4j.internal.runtime;

/**
 * Keeps the JDK's I/O pollers off the schedulers that can be closed.
 *
 * <p>A virtual thread blocked on a socket is parked until one of the JDK's pollers
 * ({@code sun.nio.ch.Poller}) sees its descriptor ready and unparks it: Go's netpoller, outside
 * the scheduler. On Linux the pollers are themselves virtual threads, started once per JVM by
 * the first virtual thread that blocks on I/O, and a virtual thread started by a virtual thread
 * runs on its starter's scheduler. So the first goroutine to block on a socket decides where
 * every virtual thread of the JVM is woken from for the rest of its life. On the default
 * scheduler that is what Go does (its netpoller is polled by the scheduler that runs the woken
 * goroutines; an echo server measured 58,000-68,000 requests/s with the pollers on go4j's
 * carriers, 37,000-40,000 with them on the JDK's). On a {@code Scheduler.create} scheduler it
 * is a trap: once that is closed, every wake-up of a poller had to start a carrier thread of
 * its own (1,000 loopback round trips took 743 ms), and the pollers can no longer count on
 * carriers at all.
 *
 * <p>So before a closable scheduler starts its first goroutine, the pollers are started, if no
 * one started them yet, from a goroutine of the default scheduler, which is never closed.
 */
final class JdkPollers {

    /** Guarded by the class: whether the pollers were started, by anyone, before we looked. */
    private static boolean started;

    private JdkPollers() {
    }

    /** Starts the JDK's pollers on the default scheduler unless they run already. */
    static synchronized void startOffClosableSchedulers() {
        if (started) {
            return;
        }
        Thread starter = SchedulerCore.defaultCore().start(JdkPollers::initialisePollers, null);
        boolean interrupted = false;
        while (true) {
            try {
                starter.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        started = true;
    }

    private static void initialisePollers() {
        try {
            Class.forName("sun.nio.ch.Poller", true, null);
        } catch (ClassNotFoundException | LinkageError e) {
            // Another JDK's layout: its pollers start wherever its own rules say.
        }
    }
}
