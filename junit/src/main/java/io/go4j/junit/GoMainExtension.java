package io.go4j.junit;

import io.go4j.Go;
import io.go4j.GoInterruptedException;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/** Runs test methods as the main goroutine of a {@link Go#main} program, for {@link GoMain}. */
final class GoMainExtension implements InvocationInterceptor {

    @Override
    public void interceptTestMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext extensionContext) throws Throwable {
        runAsProgram(invocation);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext extensionContext) throws Throwable {
        runAsProgram(invocation);
    }

    private static void runAsProgram(Invocation<Void> invocation) throws Throwable {
        AtomicReference<Thread> mainGoroutine = new AtomicReference<>();
        // The body may throw checked exceptions, which a goroutine's Runnable cannot: the main
        // goroutine hands whatever it threw back to this thread, which rethrows it unchanged.
        AtomicReference<Throwable> thrownByBody = new AtomicReference<>();
        try {
            Go.main(() -> {
                mainGoroutine.set(Thread.currentThread());
                try {
                    invocation.proceed();
                } catch (Throwable t) {
                    thrownByBody.set(t);
                }
            });
        } catch (GoInterruptedException e) {
            // JUnit's timeout interrupts the thread running the test; the body, on the main
            // goroutine, must stop too, as it would have on that thread.
            Thread main = mainGoroutine.get();
            if (main != null) {
                main.interrupt();
            }
            throw e;
        }
        Throwable thrown = thrownByBody.get();
        if (thrown != null) {
            throw thrown;
        }
    }
}
