package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.go4j.Go;
import io.go4j.runtime.Scheduler;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Proves go4j's build guide ({@code docs/setup.md}) on a user's build: this project's
 * {@code pom.xml} is the guide's, word for word; its surefire configuration puts the tests on
 * go4j's scheduler; and the program runs on it with go4j on the class path (with the arguments
 * of the pom's {@code exec:exec}) and on the module path (with the guide's flag for it).
 */
@Timeout(120)
class MainTest {

    private static final String EXPECTED_OUTPUT = "scheduler GO4J, sum 55";

    @Test
    void testsRunOnGo4jsScheduler() {
        assertEquals(55, Main.sum());
        assertEquals(Scheduler.Mode.GO4J, Scheduler.defaultScheduler().mode());
    }

    @Test
    void theBuildGuideShowsThisPomWordForWord() throws IOException {
        String guide = Files.readString(Path.of("..", "docs", "setup.md"));
        int start = guide.indexOf("```xml\n<?xml");
        assertTrue(start >= 0,
                "docs/setup.md has no complete pom.xml (a ```xml block starting with <?xml)");
        start += "```xml\n".length();
        int end = guide.indexOf("```", start);
        assertEquals(Files.readString(Path.of("pom.xml")), guide.substring(start, end));
    }

    @Test
    void theProgramRunsWithGo4jOnTheClassPath() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(javaCommand());
        for (String argument : execArguments()) {
            command.add(argument.equals("<classpath/>") ? testClassPath() : argument);
        }
        assertEquals(EXPECTED_OUTPUT, run(command));
    }

    @Test
    void theProgramRunsWithGo4jOnTheModulePath() throws Exception {
        String modulePath = String.join(File.pathSeparator, location(Go.class),
                Arrays.stream(testClassPath().split(File.pathSeparator))
                        .filter(entry -> Path.of(entry).getFileName().toString()
                                .startsWith("jctools-core"))
                        .collect(Collectors.joining(File.pathSeparator)));
        assertEquals(EXPECTED_OUTPUT, run(List.of(javaCommand(),
                "--add-opens", "java.base/java.lang=io.go4j",
                "--module-path", modulePath, "--add-modules", "io.go4j",
                "-classpath", location(Main.class),
                "com.example.Main")));
    }

    /** The {@code java} running this test: the toolchain's JDK 21+. */
    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElseThrow();
    }

    /** The test's own class path: surefire's, not its launcher jar's. */
    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path"));
    }

    private static String location(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    /** The pom's exec-maven-plugin arguments, {@code <classpath/>} kept as that text. */
    private static List<String> execArguments() throws Exception {
        var pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new File("pom.xml"));
        var lists = pom.getElementsByTagName("arguments");
        assertEquals(1, lists.getLength(), "one exec configuration");
        List<String> arguments = new ArrayList<>();
        for (Node n = lists.item(0).getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                arguments.add(e.getTagName().equals("classpath") ? "<classpath/>"
                        : e.getTextContent());
            }
        }
        return arguments;
    }

    /** Runs {@code command}, expecting exit status 0; returns what it printed, trimmed. */
    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .trim();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "still running: " + command);
        assertEquals(0, p.exitValue(), () -> command + " printed:\n" + output);
        return output;
    }
}
