package io.go4j.junit;

import io.go4j.Chan;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The channel the fixtures' goroutines block on, made before each test of a class that extends
 * with it and closed after, so that whatever a fixture left blocked on it ends.
 */
final class Release implements BeforeEachCallback, AfterEachCallback {

    private static volatile Chan<Void> channel;

    /** @return the current test's channel */
    static Chan<Void> channel() {
        return channel;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        channel = Chan.make();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        channel.close();
    }
}
