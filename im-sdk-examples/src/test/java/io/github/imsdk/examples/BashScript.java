package io.github.imsdk.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A bash script run as a process in a working directory, with {@code im_client.py} defined as the examples jar (so
 * that im_client's lines run verbatim), no {@code IM_*} variables, and {@code HOME} set to the directory. Output goes
 * to files so that a long transcript cannot block the process. Killed if it outlives its bound.
 */
record BashScript(int code, String stdout, String stderr) {

  static BashScript run(Path workDir, String script, Duration limit) throws IOException, InterruptedException {
    String jar = System.getProperty("examples.jar");
    if (jar == null) {
      throw new IllegalStateException("system property examples.jar is not set (run through failsafe)");
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String prelude = "im_client.py() { '" + java + "' -Duser.home='" + workDir + "' -jar '" + jar + "' \"$@\"; }\n"
        + "export -f im_client.py\n";
    Path out = Files.createTempFile(workDir, "bash", ".out");
    Path err = Files.createTempFile(workDir, "bash", ".err");
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", prelude + script).directory(workDir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("IM_"));
    env.put("HOME", workDir.toString());
    Process p = pb.start();
    try {
      if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError("bash did not end within " + limit + "; stdout " + Files.readString(out));
      }
    } finally {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    return new BashScript(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
