package io.go4j.race;

/**
 * The clocks of one synchronizing object (a channel, a mutex, a monitor, ...): what its releases
 * published so far. The second clock is RWMutex's readers'. Guarded by its own monitor.
 */
final class SyncVar {

    final Clock clock = new Clock();
    final Clock readClock = new Clock();
}
