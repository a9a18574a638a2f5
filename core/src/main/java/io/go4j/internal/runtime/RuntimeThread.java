package io.go4j.internal.runtime;

/**
 * A platform thread of go4j's own runtime: a carrier ({@link Worker}), sysmon, a timer thread.
 * Between their tasks they run no application code, so deadlock detection does not count them
 * among the threads that could still wake a program ({@link OutsideWakers}). Their class says
 * so, not their names: an application may name its own threads anything.
 */
class RuntimeThread extends Thread {

    /**
     * A daemon thread for a subclass that overrides {@link #run()}.
     *
     * @param name the thread's name
     */
    RuntimeThread(String name) {
        super(name);
        setDaemon(true);
    }

    /**
     * A daemon thread running {@code task}.
     *
     * @param name the thread's name
     * @param task what it runs
     */
    RuntimeThread(String name, Runnable task) {
        super(task, name);
        setDaemon(true);
    }
}
