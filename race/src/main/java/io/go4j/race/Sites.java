package io.go4j.race;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The instrumented instructions ("sites") and the fields they touch, numbered as the classes are
 * transformed; instrumented code passes its site's number to the detector.
 */
final class Sites {

    /**
     * One instrumented access.
     *
     * @param className the class of the code (Java name)
     * @param method the method's name
     * @param file the source file, or null
     * @param line the source line, or -1
     * @param field the number of the field accessed ({@link #field}); -1 for an array element
     *     or a call
     * @param methodId the number of the method ({@link #method}) whose code it is
     */
    record Site(String className, String method, String file, int line, int field, int methodId) {

        /** @return the site as a frame of Go's stack in a report, two lines */
        String frame() {
            return "  " + className + "." + method + "()\n      "
                    + (file == null ? "unknown" : file) + ":" + line;
        }
    }

    private static final ConcurrentHashMap<String, Integer> FIELDS = new ConcurrentHashMap<>();
    private static final AtomicInteger FIELD_COUNT = new AtomicInteger();
    private static final AtomicInteger METHOD_COUNT = new AtomicInteger();
    private static Site[] sites = new Site[4096];
    private static int count;

    private Sites() {
    }

    /**
     * @return the number of field {@code owner.name} (internal class name), the same for every site
     */
    static int field(String owner, String name) {
        return FIELDS.computeIfAbsent(owner + '.' + name, k -> FIELD_COUNT.getAndIncrement());
    }

    /** @return a new method's number */
    static int method() {
        return METHOD_COUNT.getAndIncrement();
    }

    /** @return the new site's number */
    static synchronized int add(Site site) {
        if (count == sites.length) {
            sites = Arrays.copyOf(sites, count * 2);
        }
        sites[count] = site;
        return count++;
    }

    static synchronized Site get(int id) {
        return sites[id];
    }
}
