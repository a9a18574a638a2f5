package io.go4j.internal.runtime;

/**
 * Why a goroutine is blocked, in the words of Go's {@code runtime.waitReason}: what a goroutine
 * dump prints between brackets.
 */
public enum WaitReason {
    CHAN_SEND("chan send", true),
    CHAN_RECEIVE("chan receive", true),
    SELECT("select", true),
    SELECT_NO_CASES("select (no cases)", true),
    SYNC_MUTEX_LOCK("sync.Mutex.Lock", true),
    SYNC_RWMUTEX_RLOCK("sync.RWMutex.RLock", true),
    SYNC_RWMUTEX_LOCK("sync.RWMutex.Lock", true),
    SYNC_WAITGROUP_WAIT("sync.WaitGroup.Wait", true),
    SYNC_COND_WAIT("sync.Cond.Wait", true),
    SEMACQUIRE("semacquire", true),
    /** A timer will end the wait: the goroutine is not asleep in the deadlock detector's sense. */
    SLEEP("sleep", false);

    private final String text;
    private final boolean asleep;

    WaitReason(String text, boolean asleep) {
        this.text = text;
        this.asleep = asleep;
    }

    /** @return Go's wording */
    @Override
    public String toString() {
        return text;
    }

    /**
     * @return true if only another goroutine of the same program can end the wait, so that a
     *     program whose goroutines all wait for such reasons is deadlocked
     */
    public boolean asleep() {
        return asleep;
    }
}
