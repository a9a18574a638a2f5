package io.go4j.examples;

import io.go4j.Chan;
import io.go4j.Go;
import io.go4j.RecvChan;
import io.go4j.Select;
import io.go4j.SendChan;
import java.io.PrintStream;

/**
 * The concurrent prime sieve from Go's documentation: a chain of goroutines, one per prime
 * found, each filtering the multiples of its prime out of the stream it passes on.
 *
 * <p>Unlike the Go original, whose goroutines are simply abandoned when {@code main} returns,
 * every goroutine here also waits on a {@code quit} channel, so that closing it stops them all.
 */
public final class Sieve implements Example {

    static final int PRIMES = 25;

    @Override
    public String name() {
        return "sieve";
    }

    @Override
    public String description() {
        return "the concurrent prime sieve (Go's doc/play/sieve.go), first " + PRIMES + " primes";
    }

    @Override
    public void run(PrintStream out) {
        Chan<Void> quit = Chan.make();
        Chan<Integer> first = Chan.make();
        Go.go(() -> generate(first, quit));
        Chan<Integer> ch = first;
        StringBuilder primes = new StringBuilder();
        for (int i = 0; i < PRIMES; i++) {
            int prime = ch.receive();
            primes.append(i == 0 ? "" : " ").append(prime);
            Chan<Integer> next = Chan.make();
            RecvChan<Integer> in = ch;
            Go.go(() -> filter(in, next, prime, quit));
            ch = next;
        }
        quit.close();
        out.println(primes);
    }

    /** Sends 2, 3, 4, ... until quit is closed. */
    private static void generate(SendChan<Integer> ch, RecvChan<Void> quit) {
        for (int i = 2; ; i++) {
            if (Select.select(Select.send(ch, i), Select.recv(quit)) == 1) {
                return;
            }
        }
    }

    /**
     * Passes on the values of {@code in} that {@code prime} does not divide, until quit is closed.
     */
    private static void filter(RecvChan<Integer> in, SendChan<Integer> out, int prime,
            RecvChan<Void> quit) {
        int[] value = new int[1];
        while (true) {
            if (Select.select(Select.recv(in, (Integer v) -> value[0] = v), Select.recv(quit))
                    == 1) {
                return;
            }
            if (value[0] % prime != 0
                    && Select.select(Select.send(out, value[0]), Select.recv(quit)) == 1) {
                return;
            }
        }
    }
}
