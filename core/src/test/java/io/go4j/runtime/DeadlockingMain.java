package io.go4j.runtime;

import io.go4j.Chan;
import io.go4j.Go;

/**
 * A Go program that deadlocks, run by {@link GoMainTest} as a plain {@code main} in a JVM of its
 * own: prints the message of what {@code Go.main} threw.
 */
final class DeadlockingMain {

    private DeadlockingMain() {
    }

    public static void main(String[] args) {
        try {
            Go.main(() -> Chan.make().receive());
            System.out.println("no deadlock reported");
        } catch (DeadlockException e) {
            System.out.println(e.getMessage());
        }
    }
}
