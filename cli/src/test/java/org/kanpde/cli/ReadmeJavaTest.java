package org.kanpde.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's section "Using KAN-PDE from Java" runs as written: its Java blocks, in order, are
 * compiled as the body of one method (their import lines at the top of the class) against the
 * modules' classes, and run. A block that stops compiling or throws fails this test, so the README
 * cannot drift from the API.
 */
class ReadmeJavaTest {
    private static final String SECTION = "## Using KAN-PDE from Java";
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path dir;

    /** The Java blocks of the section, in order. */
    static List<String> blocks() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf(SECTION);
        assertTrue(start >= 0, "README has no section '" + SECTION + "'");
        int end = readme.indexOf("\n## ", start + SECTION.length());
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        List<String> blocks = new ArrayList<>();
        Matcher m = JAVA_BLOCK.matcher(section);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    /** One class: the blocks' imports, then their other lines as the body of {@code run()}. */
    static String program(List<String> blocks) {
        Set<String> imports = new LinkedHashSet<>();
        StringBuilder body = new StringBuilder();
        for (String block : blocks) {
            for (String line : block.split("\n", -1)) {
                if (line.startsWith("import ")) {
                    imports.add(line);
                } else {
                    body.append("        ").append(line).append('\n');
                }
            }
        }
        return "package readme;\n\n" + String.join("\n", imports) + "\n\npublic final class ReadmeSnippets {\n"
                + "    public static void run() throws Exception {\n" + body + "    }\n}\n";
    }

    @Test
    void theJavaSectionCompilesAndRuns() throws Exception {
        List<String> blocks = blocks();
        assertTrue(blocks.size() >= 3, "expected the section's Java blocks, found " + blocks.size());
        String all = String.join("\n", blocks);
        // what the section promises to show
        assertTrue(all.contains(".solve(problem, mine)"), "a solve with the caller's own trial function");
        assertTrue(all.contains("withInitialDamping("), "a stage with a non-default Levenberg-Marquardt damping");
        String source = program(blocks);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "tests need a JDK");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            files.setLocation(StandardLocation.CLASS_OUTPUT, List.of(classes.toFile()));
            JavaFileObject unit = new SimpleJavaFileObject(java.net.URI.create("string:///readme/ReadmeSnippets.java"),
                    JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return source;
                }
            };
            List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-proc:none",
                    "-Xlint:none", "-nowarn");
            boolean compiled = javac.getTask(diagnostics, files, null, options, null, List.of(unit)).call();
            assertTrue(compiled, "the README's Java does not compile:\n" + diagnostics + "\n" + numbered(source));
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                ReadmeJavaTest.class.getClassLoader())) {
            Method run = loader.loadClass("readme.ReadmeSnippets").getMethod("run");
            run.invoke(null);
        }
    }

    @Test
    void programKeepsTheBlocksInOrderAndHoistsTheirImports() {
        String p = program(List.of("import a.B;\nint x = 1;\n", "import a.B;\nimport c.D;\nx++;\n"));
        assertEquals(1, p.split("import a.B;", -1).length - 1, p);
        assertTrue(p.indexOf("import c.D;") < p.indexOf("class ReadmeSnippets"), p);
        assertTrue(p.indexOf("int x = 1;") < p.indexOf("x++;"), p);
        assertFalse(p.contains("        import"), p);
    }

    private static String numbered(String source) {
        StringBuilder sb = new StringBuilder();
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            sb.append(i + 1).append(": ").append(lines[i]).append('\n');
        }
        return sb.toString();
    }
}
