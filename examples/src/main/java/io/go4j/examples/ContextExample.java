package io.go4j.examples;

import io.go4j.Chan;
import io.go4j.Go;
import io.go4j.Select;
import io.go4j.context.Context;
import io.go4j.context.ContextException;
import io.go4j.time.Time;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Go by Example, "Context": a request handler does slow work but gives up as soon as the
 * request's {@link Context} is done, here because the client canceled it.
 *
 * <p>Go by Example runs an HTTP server and cancels the request with Ctrl+C in {@code curl}; this
 * port calls the handler in a goroutine, as a server would, and hands its response back on a
 * channel. The first client waits for the answer; the second cancels its request at once.
 */
public final class ContextExample implements Example {

    /** How long the handler works: Go by Example's ten seconds, scaled down. */
    static final Duration WORK = Duration.ofMillis(100);

    @Override
    public String name() {
        return "context";
    }

    @Override
    public String description() {
        return "Go by Example: a handler stops its work when the request's context is canceled";
    }

    @Override
    public void run(PrintStream out) {
        try (var request = Context.withCancel(Context.background())) {
            out.println("client: " + serve(request.ctx(), out).receive());
        }

        Context.WithCancel request = Context.withCancel(Context.background());
        Context.CancelFunc cancel = request.cancel();
        Chan<String> response = serve(request.ctx(), out);
        cancel.cancel();
        out.println("client: " + response.receive());
    }

    /**
     * Runs the handler in a goroutine, as a server does, and returns the channel of its response.
     */
    private static Chan<String> serve(Context ctx, PrintStream out) {
        Chan<String> response = Chan.make(1);
        Go.go(() -> response.send(hello(ctx, out)));
        return response;
    }

    /** The handler: answers "hello" after its work, or the error once the context is done. */
    private static String hello(Context ctx, PrintStream out) {
        out.println("server: hello handler started");
        try {
            if (Select.select(Select.recv(Time.after(WORK)), Select.recv(ctx.done())) == 0) {
                return "hello";
            }
            ContextException err = ctx.err();
            out.println("server: " + err.getMessage());
            return "500 " + err.getMessage();
        } finally {
            out.println("server: hello handler ended");
        }
    }
}
