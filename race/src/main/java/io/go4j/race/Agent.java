package io.go4j.race;

import java.lang.instrument.Instrumentation;

/**
 * The race detector's entry point: {@code java -javaagent:go4j-race.jar[=options] ...}.
 *
 * <p>Before the program's {@code main} runs it turns go4j's race hook on (system property
 * {@code go4j.race}, read when go4j's {@code io.go4j.internal.race.Race} loads), reads
 * {@code GORACE}, and installs the transformer that instruments every class loaded from then on.
 */
public final class Agent {

    private Agent() {
    }

    /**
     * Called by the JVM before {@code main}.
     *
     * @param args the agent's options: {@code include=PACKAGE}, {@code exclude=PACKAGE}, and
     *     {@code GORACE}'s names
     * @param inst the JVM's instrumentation
     */
    public static void premain(String args, Instrumentation inst) {
        Options options = Options.parse(System.getenv("GORACE"), args);
        ThreadState.historySize(options.historySize);
        System.setProperty("go4j.race", "true");
        Reporter.start(options);
        inst.addTransformer(new Transformer(options, inst));
    }
}
