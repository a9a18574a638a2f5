package io.go4j.examples;

import io.go4j.sync.Mutex;
import io.go4j.sync.WaitGroup;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Go Tour's "Web Crawler" exercise, solved: crawl the links of a site in parallel, one
 * goroutine per page, fetching no page twice. A {@link Mutex} guards the set of pages already
 * claimed and a {@link WaitGroup} waits for the last goroutine. The site is a small in-memory
 * fake, so the program needs no network.
 *
 * <p>Pages are found in a different order from run to run, except the first, which is fetched
 * before any goroutine starts. Every page is at most three links from the start page and the
 * crawl goes four deep, so the same pages are found whatever the order.
 */
public final class WebCrawler implements Example {

    static final String ROOT = "https://go4j.example/";
    static final int DEPTH = 4;

    /** A fetched page: its title and the addresses it links to. */
    record Page(String title, List<String> links) {
    }

    /** Fetches pages: the Tour's {@code Fetcher}. */
    interface Fetcher {

        /** Returns the page at {@code url}, or throws {@link NotFoundException}. */
        Page fetch(String url) throws NotFoundException;
    }

    /** A page that does not exist. */
    static final class NotFoundException extends Exception {
        private static final long serialVersionUID = 1L;

        NotFoundException(String url) {
            super("not found: " + url);
        }
    }

    /** The fake site: every page it has, by address. */
    static final Fetcher FAKE_SITE = new Fetcher() {
        private final Map<String, Page> pages = Map.of(
                ROOT, new Page("go4j: Go's concurrency for Java",
                        List.of(ROOT + "docs/", ROOT + "examples/")),
                ROOT + "docs/", new Page("Documentation",
                        List.of(ROOT, ROOT + "docs/channels/", ROOT + "docs/select/")),
                ROOT + "docs/channels/", new Page("Channels",
                        List.of(ROOT + "docs/")),
                ROOT + "docs/select/", new Page("Select",
                        List.of(ROOT + "docs/", ROOT + "docs/channels/")),
                ROOT + "examples/", new Page("Examples",
                        List.of(ROOT, ROOT + "examples/sieve/")));

        @Override
        public Page fetch(String url) throws NotFoundException {
            Page page = pages.get(url);
            if (page == null) {
                throw new NotFoundException(url);
            }
            return page;
        }
    };

    /** The addresses some goroutine has claimed for fetching. */
    private static final class Claimed {
        private final Mutex mu = new Mutex();
        private final Set<String> urls = new HashSet<>();

        /** Claims {@code url}; returns false if it was claimed already. */
        boolean claim(String url) {
            mu.lock();
            try {
                return urls.add(url);
            } finally {
                mu.unlock();
            }
        }
    }

    @Override
    public String name() {
        return "web-crawler";
    }

    @Override
    public String description() {
        return "the Go Tour's web crawler: fetch a fake site in parallel, each page once";
    }

    @Override
    public void run(PrintStream out) {
        WaitGroup wg = new WaitGroup();
        crawl(ROOT, DEPTH, FAKE_SITE, new Claimed(), wg, out);
        wg.await();
    }

    /**
     * Fetches {@code url} unless it was claimed already, then crawls its links, {@code depth - 1}
     * deep, each in a goroutine counted by {@code wg}.
     */
    private static void crawl(String url, int depth, Fetcher fetcher, Claimed claimed, WaitGroup wg,
            PrintStream out) {
        if (depth <= 0 || !claimed.claim(url)) {
            return;
        }
        Page page;
        try {
            page = fetcher.fetch(url);
        } catch (NotFoundException e) {
            out.println(e.getMessage());
            return;
        }
        out.println("found: " + url + " \"" + page.title() + "\"");
        for (String link : page.links()) {
            wg.go(() -> crawl(link, depth - 1, fetcher, claimed, wg, out));
        }
    }
}
