package io.go4j.examples;

import io.go4j.Chan;
import io.go4j.Go;
import io.go4j.RecvChan;
import io.go4j.Select;
import io.go4j.time.Time;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Sameer Ajmani's Subscribe and Merge ("Advanced Go Concurrency Patterns", 2013): a subscription
 * turns a feed that must be polled into a stream of new items; its loop is one {@code select}
 * over a timer that starts the next fetch, the result of a fetch running in a goroutine, a
 * request to close and the delivery of the oldest pending item, each case enabled or disabled by
 * setting its channel to {@code null}. The case bodies assign the loop's state, {@code break}
 * and {@code return}, so the {@code select} is written as a statement.
 */
public final class Subscribe implements Example {

    /** How many fetched items a subscription holds before it stops fetching. */
    static final int MAX_PENDING = 10;
    /** How long a subscription waits before fetching again after a failed fetch. */
    static final Duration RETRY_AFTER_ERROR = Duration.ofSeconds(10);

    /** An item of a feed: Go's {@code Item}. */
    record Item(String channel, String title, String guid) {
    }

    /** What one poll of a feed returned: the items and when to poll next. */
    record Fetched(List<Item> items, Instant next) {
    }

    /** Fetches the items of one feed: Go's {@code Fetcher}. */
    @FunctionalInterface
    interface Fetcher {
        /**
         * Polls the feed once.
         *
         * @return the items and the time of the next poll
         * @throws IOException when the feed cannot be read
         */
        Fetched fetch() throws IOException;
    }

    /**
     * A stream of items: Go's {@code Subscription} interface, whose two implementations here
     * differ only in how they close.
     *
     * @param updates the stream, closed once the subscription is
     * @param closer stops the stream and returns the last fetch error, or null
     */
    record Subscription(RecvChan<Item> updates, Supplier<IOException> closer) {
        /** Go's {@code Close()}: the last fetch error, or null. */
        IOException close() {
            return closer.get();
        }
    }

    @Override
    public String name() {
        return "subscribe";
    }

    @Override
    public String description() {
        return "Sameer Ajmani's Subscribe and Merge: three polled feeds merged into one stream";
    }

    @Override
    public void run(PrintStream out) {
        Subscription merged = merge(List.of(
                subscribe(fakeFetch("blog.golang.org", 3)),
                subscribe(fakeFetch("googleblog.blogspot.com", 3)),
                subscribe(fakeFetch("googledevelopers.blogspot.com", 3))));
        for (int i = 0; i < 9; i++) {
            Item it = merged.updates().receive();
            out.println(it.channel() + " " + it.title());
        }
        out.println("closed: " + merged.close());
    }

    /**
     * A fake feed of {@code items} items, one more on each poll, each poll returning every item
     * so far (the subscription drops those it has seen); polled every millisecond.
     */
    static Fetcher fakeFetch(String domain, int items) {
        int[] polls = {0};
        return () -> {
            polls[0] = Math.min(items, polls[0] + 1);
            List<Item> feed = new ArrayList<>();
            for (int i = 1; i <= polls[0]; i++) {
                feed.add(new Item(domain, "Item " + i, domain + "/" + i));
            }
            return new Fetched(feed, Instant.now().plusMillis(1));
        };
    }

    /** Go's {@code Subscribe(fetcher)}: starts polling in a goroutine. */
    static Subscription subscribe(Fetcher fetcher) {
        Chan<Item> updates = Chan.make();
        Chan<Chan<IOException>> closing = Chan.make();
        Go.go(() -> loop(fetcher, updates, closing));
        return new Subscription(updates, () -> {
            Chan<IOException> errc = Chan.make();
            closing.send(errc);
            return errc.receive();
        });
    }

    /** The result of a fetch that ran in its own goroutine. */
    private record FetchResult(Fetched fetched, IOException err) {
    }

    /** Go's {@code sub.loop}: fetches, deduplicates and delivers until closed. */
    private static void loop(Fetcher fetcher, Chan<Item> out, RecvChan<Chan<IOException>> closing) {
        ArrayDeque<Item> pending = new ArrayDeque<>();
        Instant next = Instant.now();
        IOException err = null;
        Set<String> seen = new HashSet<>();
        Chan<FetchResult> fetchDone = null; // non-null while a fetch runs
        Select.Chosen chosen = new Select.Chosen();
        while (true) {
            RecvChan<Instant> startFetch = null;
            if (fetchDone == null && pending.size() < MAX_PENDING) {
                startFetch = Time.after(Time.until(next));
            }
            Chan<Item> updates = pending.isEmpty() ? null : out;
            Item first = pending.peekFirst();
            switch (Select.select(chosen,
                    Select.recv(startFetch),
                    Select.recv(fetchDone),
                    Select.recv(closing),
                    Select.send(updates, first))) {
                case 0 -> {
                    Chan<FetchResult> done = Chan.make(1);
                    fetchDone = done;
                    Go.go(() -> done.send(fetchOnce(fetcher)));
                }
                case 1 -> {
                    fetchDone = null;
                    FetchResult result = chosen.value();
                    err = result.err();
                    if (err != null) {
                        next = Instant.now().plus(RETRY_AFTER_ERROR);
                        break;
                    }
                    next = result.fetched().next();
                    for (Item item : result.fetched().items()) {
                        if (seen.add(item.guid())) {
                            pending.addLast(item);
                        }
                    }
                }
                case 2 -> {
                    Chan<IOException> errc = chosen.value();
                    errc.send(err);
                    out.close();
                    return;
                }
                default -> pending.removeFirst();
            }
        }
    }

    private static FetchResult fetchOnce(Fetcher fetcher) {
        try {
            return new FetchResult(fetcher.fetch(), null);
        } catch (IOException e) {
            return new FetchResult(null, e);
        }
    }

    /** Go's {@code Merge(subs...)}: one stream of the items of all. */
    static Subscription merge(List<Subscription> subs) {
        Chan<Item> updates = Chan.make();
        Chan<Void> quit = Chan.make();
        Chan<IOException> errs = Chan.make();
        for (Subscription sub : subs) {
            Go.go(() -> forward(sub, updates, quit, errs));
        }
        return new Subscription(updates, () -> {
            quit.close();
            IOException err = null;
            for (int i = 0; i < subs.size(); i++) {
                IOException e = errs.receive();
                if (e != null) {
                    err = e;
                }
            }
            updates.close();
            return err;
        });
    }

    /** One goroutine of Merge: passes on the items of {@code sub} until quit is closed. */
    private static void forward(Subscription sub, Chan<Item> updates, RecvChan<Void> quit,
            Chan<IOException> errs) {
        Select.Chosen chosen = new Select.Chosen();
        while (true) {
            if (Select.select(chosen, Select.recv(sub.updates()), Select.recv(quit)) == 1) {
                errs.send(sub.close());
                return;
            }
            Item it = chosen.value();
            if (Select.select(Select.send(updates, it), Select.recv(quit)) == 1) {
                errs.send(sub.close());
                return;
            }
        }
    }
}
