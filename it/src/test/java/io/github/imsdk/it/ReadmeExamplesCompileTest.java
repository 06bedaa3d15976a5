package io.github.imsdk.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every java block of README.md compiles as it stands against the SDK's public API, so the README cannot drift
 * from the code. A block is a run of statements; it is compiled inside a method of a class that imports the
 * SDK's public packages and has an SLF4J {@code log} and a YAML string {@code yaml} at hand.
 */
class ReadmeExamplesCompileTest {

  private static final String PROLOGUE = """
      import io.github.imsdk.*;
      import io.github.imsdk.auth.*;
      import io.github.imsdk.core.*;
      import io.github.imsdk.testing.*;
      import io.github.imsdk.tosca.*;
      import java.net.URI;
      import java.nio.file.*;
      import java.time.*;
      import java.util.*;

      class Example%d {
        private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Example%d.class);
        private final String yaml = "";

        void run() throws Exception {
      """;

  private static final class Source extends SimpleJavaFileObject {
    private final String code;

    Source(String name, String code) {
      super(URI.create("string:///" + name + ".java"), Kind.SOURCE);
      this.code = code;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return code;
    }
  }

  @Test
  void everyJavaBlockOfTheReadmeCompiles(@TempDir Path out) throws IOException {
    // Given the README's java blocks, each wrapped in a method
    List<String> blocks = Readme.blocks("java");
    assertThat(blocks).as("java blocks in README.md").isNotEmpty();
    List<Source> sources = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      sources.add(new Source("Example" + i, PROLOGUE.formatted(i, i) + blocks.get(i) + "\n  }\n}\n"));
    }

    // When they are compiled against this module's test classpath (the SDK's jars)
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> problems = new DiagnosticCollector<>();
    StringWriter log = new StringWriter();
    boolean ok;
    try (StandardJavaFileManager files = javac.getStandardFileManager(problems, Locale.ROOT, null)) {
      List<String> options = List.of("--release", "17", "-proc:none",
          "-classpath", System.getProperty("java.class.path"), "-d", Files.createDirectories(out).toString());
      ok = javac.getTask(log, files, problems, options, null, sources).call();
    }

    // Then there is no error; each error names the README block and its line
    StringBuilder report = new StringBuilder();
    problems.getDiagnostics().stream().filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR)
        .forEach(d -> report.append(d.getSource() == null ? "" : d.getSource().getName()).append(':')
            .append(d.getLineNumber() - PROLOGUE.lines().count()).append(": ")
            .append(d.getMessage(Locale.ROOT)).append(File.separator.equals("/") ? "\n" : "\r\n"));
    assertThat(ok).as("README java blocks compile; errors (block:line within the block):%n%s%s", report, log)
        .isTrue();
  }
}
