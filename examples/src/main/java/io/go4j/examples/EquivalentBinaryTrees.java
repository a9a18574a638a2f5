package io.go4j.examples;

import io.go4j.Chan;
import io.go4j.Go;
import io.go4j.RecvChan;
import io.go4j.Received;
import io.go4j.Select;
import io.go4j.SendChan;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.StringJoiner;

/**
 * The Go Tour's "Equivalent Binary Trees" exercise: binary search trees of different shapes can
 * hold the same values. A goroutine walks each tree in order, sending its values on a channel;
 * comparing the two streams tells whether the trees are equivalent.
 *
 * <p>Beyond the Tour's solution, the walkers also watch a {@code quit} channel, so that a
 * comparison that stops at the first difference does not leave them blocked forever.
 */
public final class EquivalentBinaryTrees implements Example {

    /** How many values {@link #newTree(int)} puts in a tree. */
    static final int SIZE = 10;

    /** A node of a binary search tree: smaller values on the left, larger on the right. */
    record Tree(Tree left, int value, Tree right) {

        /** Returns this tree with {@code v} added at its place in order. */
        Tree insert(int v) {
            return v < value
                    ? new Tree(left == null ? new Tree(null, v, null) : left.insert(v), value,
                            right)
                    : new Tree(left, value,
                            right == null ? new Tree(null, v, null) : right.insert(v));
        }
    }

    @Override
    public String name() {
        return "equivalent-binary-trees";
    }

    @Override
    public String description() {
        return "the Go Tour's equivalent binary trees: walk two trees in goroutines, compare";
    }

    @Override
    public void run(PrintStream out) {
        Chan<Integer> ch = Chan.make();
        Go.go(() -> walkAll(newTree(1), ch, Chan.make()));
        StringJoiner values = new StringJoiner(" ");
        for (int v : ch) {
            values.add(Integer.toString(v));
        }
        out.println("walk(newTree(1)): " + values);
        out.println("same(newTree(1), newTree(1)): " + same(newTree(1), newTree(1)));
        out.println("same(newTree(1), newTree(2)): " + same(newTree(1), newTree(2)));
    }

    /**
     * Returns a tree of random shape holding k, 2k, ..., {@link #SIZE}k, as the Tour's
     * {@code tree.New(k)}.
     */
    static Tree newTree(int k) {
        List<Integer> values = new ArrayList<>();
        for (int i = 1; i <= SIZE; i++) {
            values.add(i * k);
        }
        Collections.shuffle(values);
        Tree t = new Tree(null, values.get(0), null);
        for (int v : values.subList(1, values.size())) {
            t = t.insert(v);
        }
        return t;
    }

    /** Tells whether two trees hold the same values, walking both concurrently. */
    static boolean same(Tree t1, Tree t2) {
        Chan<Integer> ch1 = Chan.make();
        Chan<Integer> ch2 = Chan.make();
        Chan<Void> quit = Chan.make();
        Go.go(() -> walkAll(t1, ch1, quit));
        Go.go(() -> walkAll(t2, ch2, quit));
        try {
            while (true) {
                Received<Integer> v1 = ch1.receiveOk();
                Received<Integer> v2 = ch2.receiveOk();
                if (!v1.equals(v2)) {
                    return false;
                }
                if (!v1.ok()) {
                    return true;
                }
            }
        } finally {
            quit.close();
        }
    }

    /**
     * Sends the values of {@code t} in order, then closes {@code ch}; stops early once quit is
     * closed.
     */
    private static void walkAll(Tree t, Chan<Integer> ch, RecvChan<Void> quit) {
        if (walk(t, ch, quit)) {
            ch.close();
        }
    }

    /** The Tour's {@code Walk}: returns false if it stopped because quit was closed. */
    private static boolean walk(Tree t, SendChan<Integer> ch, RecvChan<Void> quit) {
        if (t == null) {
            return true;
        }
        return walk(t.left(), ch, quit)
                && Select.select(Select.send(ch, t.value()), Select.recv(quit)) == 0
                && walk(t.right(), ch, quit);
    }
}
