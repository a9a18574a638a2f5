package racecases;

import io.go4j.Go;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Runs ported race programs one after another in this JVM, each as a {@code Go.main} program,
 * and marks each on stderr ({@code === RUN name} ... {@code === END name}) so that a test can
 * count the reports between the marks. A program's name says what it must give: {@code race...}
 * at least one report, {@code noRace...} none.
 */
public final class Suite {

    private Suite() {
    }

    /**
     * Runs every public static no-argument method named {@code race...} or {@code noRace...} of
     * the classes named.
     *
     * @param args class names
     * @throws ReflectiveOperationException if a class cannot be loaded
     */
    public static void main(String[] args) throws ReflectiveOperationException {
        for (String name : args) {
            Method[] methods = Class.forName(name).getMethods();
            Arrays.sort(methods, Comparator.comparing(Method::getName));
            for (Method m : methods) {
                if (Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0
                        && (m.getName().startsWith("race") || m.getName().startsWith("noRace"))) {
                    run(m);
                }
            }
        }
    }

    private static void run(Method m) {
        String name = m.getDeclaringClass().getSimpleName() + "." + m.getName();
        System.err.println("=== RUN " + name);
        try {
            Go.main(() -> {
                try {
                    m.invoke(null);
                } catch (InvocationTargetException e) {
                    throw new IllegalStateException(e.getCause());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (RuntimeException e) {
            System.err.println("=== FAIL " + name + ": " + e);
        }
        System.err.println("=== END " + name);
    }
}
