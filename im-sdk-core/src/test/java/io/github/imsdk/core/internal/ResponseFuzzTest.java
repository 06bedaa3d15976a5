package io.github.imsdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.imsdk.ImException;
import io.github.imsdk.core.Infrastructure;
import io.github.imsdk.core.InfrastructureManager;
import io.github.imsdk.core.Template;
import io.github.imsdk.core.contract.RecordedExchange;
import io.github.imsdk.core.internal.http.ErrorMapper;
import io.github.imsdk.core.internal.http.ImCall;
import io.github.imsdk.core.internal.http.ImHttp;
import io.github.imsdk.core.internal.http.ImResponse;
import io.github.imsdk.core.internal.http.Redactor;
import io.github.imsdk.core.internal.retry.FakeTime;
import io.github.imsdk.core.internal.wait.WaitSupport;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Feeds every response parser of the client random and mutated bodies (seeded, bounded) and checks that only
 * {@link ImException} subclasses escape: never a NullPointerException, ClassCastException, a Jackson or parser
 * exception, or a StackOverflowError.
 */
class ResponseFuzzTest {
  private static final long SEED = 20261121L;
  private static final int ITERATIONS = 12_000;
  private static final String ID = StubClients.ID;
  private static final String[] CONTENT_TYPES = {"application/json", "application/json; charset=utf-8",
      "text/plain", "text/uri-list", "text/html", "", "application/problem+json", "text/yaml", "x/y;;=",
      "application/octet-stream"};
  private static final String[] TOKENS = {"{", "}", "[", "]", "\"", ":", ",", "null", "true", "1e999", "-0",
      "\"uri\"", "\"state\"", "\"radl\"", "\"class\"", "\\u0000", "\\", "\n", "'", "(", ")", " and ", "=",
      "net_interface.0.ip", "system", "network", "outbound = 'yes'", "http://", "/infrastructures/", "#",
      "\uD83D\uDE00", "\uFFFF", "9223372036854775808", "{\"a\":", "[[[[[[[[[[", "<html>", "\r\n"};

  /** One client operation, its name for failure reports, and a text its well-formed answers contain. */
  private record Operation(String name, String shape, Function<InfrastructureManager, Object> call) {
    Operation(String name, Function<InfrastructureManager, Object> call) {
      this(name, SHAPES.getOrDefault(name, ""), call);
    }
  }

  private static final Map<String, String> SHAPES = Map.ofEntries(Map.entry("list", "uri"),
      Map.entry("list(regex)", "uri"), Map.entry("create", "uri"), Map.entry("import", "uri"),
      Map.entry("addResources", "uri"), Map.entry("vms", "uri"), Map.entry("estimate", "cloudType"),
      Map.entry("state", "vm_states"), Map.entry("outputs", "\"outputs\""), Map.entry("vm.info", "\"radl\": ["),
      Map.entry("vm.alter", "\"radl\": ["), Map.entry("cloud.images", "\"images\""),
      Map.entry("cloud.quotas", "\"quotas\""), Map.entry("server.stats", "\"stats\""),
      Map.entry("owners", "\"authorization\""));

  private static List<Operation> operations() {
    List<Operation> ops = new ArrayList<>();
    Template tosca = Template.tosca("tosca_definitions_version: tosca_simple_yaml_1_0\n");
    ops.add(new Operation("list", im -> im.infrastructures().list()));
    ops.add(new Operation("list(regex)", im -> im.infrastructures().list("front")));
    ops.add(new Operation("create", im -> im.infrastructures().create(tosca)));
    ops.add(new Operation("estimate", im -> im.infrastructures().estimate(tosca)));
    ops.add(new Operation("import", im -> im.infrastructures().importData("{}")));
    ops.add(new Operation("state", im -> inf(im).state()));
    ops.add(new Operation("outputs", im -> {
      var o = inf(im).outputs();
      o.names().forEach(n -> o.value(n));
      return o.toString();
    }));
    ops.add(new Operation("contmsg", im -> inf(im).contmsg()));
    ops.add(new Operation("contmsgHeaderOnly", im -> inf(im).contmsgHeaderOnly()));
    ops.add(new Operation("radl", im -> inf(im).radl()));
    ops.add(new Operation("tosca", im -> inf(im).tosca()));
    ops.add(new Operation("export", im -> inf(im).export()));
    ops.add(new Operation("owners", im -> inf(im).owners()));
    ops.add(new Operation("addResources", im -> inf(im).addResources(tosca)));
    ops.add(new Operation("vms", im -> inf(im).vms()));
    ops.add(new Operation("vm.info", im -> inf(im).vm("0").info().toString()));
    ops.add(new Operation("vm.property", im -> inf(im).vm("0").property("state")));
    ops.add(new Operation("vm.contmsg", im -> inf(im).vm("0").contmsg()));
    ops.add(new Operation("vm.alter", im -> inf(im).vm("0").alter(Template.radl("system front ()")).toString()));
    ops.add(new Operation("vm.snapshot", im -> inf(im).vm("0").snapshot(0, "img", false)));
    ops.add(new Operation("cloud.images", im -> im.cloud("ost").images()));
    ops.add(new Operation("cloud.quotas", im -> im.cloud("ost").quotas()));
    ops.add(new Operation("server.version", im -> im.server().version()));
    ops.add(new Operation("server.stats", im -> im.server().stats(LocalDate.of(2026, 1, 1),
        LocalDate.of(2026, 12, 31))));
    return ops;
  }

  private static Infrastructure inf(InfrastructureManager im) {
    return im.infrastructure(ID);
  }

  /** Answers every call with whatever the current iteration chose. */
  private static final class ScriptedHttp implements ImHttp {
    String contentType = "application/json";
    String body = "";

    @Override
    public ImResponse execute(ImCall call) {
      return new ImResponse(200, contentType, body, Map.of("Content-Type", contentType));
    }
  }

  private static List<String> seeds() {
    List<String> seeds = new ArrayList<>();
    for (RecordedExchange fx : RecordedExchange.all()) {
      if (fx.responseBody() != null && !fx.responseBody().isEmpty()) {
        seeds.add(fx.responseBody());
      }
    }
    seeds.add("{\"state\": {\"state\": \"configured\", \"vm_states\": {\"0\": \"configured\", \"1\": null}}}");
    seeds.add("{\"outputs\": {\"a\": [1, {\"b\": null}], \"c\": {\"user\": \"u\", \"token\": \"t\"}}}");
    seeds.add("{\"uri-list\": [{\"uri\": \"http://h/infrastructures/a\"}, {\"uri\": \"/vms/1\"}]}");
    seeds.add("{\"radl\": [{\"class\": \"network\", \"id\": \"p\", \"outbound\": \"yes\"}, {\"class\": \"system\","
        + " \"id\": \"s\", \"net_interface.0.connection\": \"p\", \"net_interface.0.ip\": \"127.0.0.9\","
        + " \"disk.0.os.credentials.private_key\": \"-----BEGIN-----\", \"cpu.count\": 2,"
        + " \"memory.size\": 512000000}]}");
    seeds.add("network public (outbound = 'yes')\nsystem front (\ncpu.count>=2 and\n"
        + "net_interface.0.connection = 'public' and\nnet_interface.0.ip = '127.0.0.4' and\nstate = 'running'\n)");
    seeds.add("{\"quotas\": {\"cores\": {\"used\": 1, \"limit\": -1}, \"ram\": {\"used\": 0.5, \"limit\": 2.5}}}");
    seeds.add("{\"images\": [{\"uri\": \"ost://h/i\", \"name\": \"Ubuntu\", \"extra\": [1]}]}");
    seeds.add("{\"stats\": [{\"inf_id\": \"x\", \"vm_count\": 2, \"memory_size\": 1024, \"cloud_type\": \"Dummy\","
        + " \"creation_date\": \"2022-03-07 13:16:14\", \"hybrid\": false, \"deleted\": true}]}");
    seeds.add("{\"ost\": {\"cloudType\": \"OpenStack\", \"compute\": [{\"cpuCores\": 2}], \"storage\": []}}");
    return seeds;
  }

  /** Mostly a seed of the operation's own shape, so that mutations reach deep into its parser. */
  private static String seedFor(Operation op, List<String> seeds, Random r) {
    if (!op.shape().isEmpty() && r.nextInt(10) < 7) {
      List<String> own = seeds.stream().filter(s -> s.contains(op.shape())).toList();
      if (!own.isEmpty()) {
        return own.get(r.nextInt(own.size()));
      }
    }
    return seeds.get(r.nextInt(seeds.size()));
  }

  private static String mutate(String seed, Random r) {
    StringBuilder sb = new StringBuilder(seed);
    int edits = 1 + r.nextInt(4);
    for (int e = 0; e < edits; e++) {
      int pos = sb.length() == 0 ? 0 : r.nextInt(sb.length() + 1);
      switch (r.nextInt(7)) {
        case 0 -> sb.setLength(Math.min(pos, sb.length())); // truncate
        case 1 -> sb.insert(pos, TOKENS[r.nextInt(TOKENS.length)]);
        case 2 -> {
          if (sb.length() > 0 && pos < sb.length()) {
            sb.setCharAt(pos, (char) (32 + r.nextInt(95)));
          }
        }
        case 3 -> {
          if (sb.length() > 0) {
            int from = r.nextInt(sb.length());
            int to = Math.min(sb.length(), from + r.nextInt(40));
            sb.insert(pos, sb.substring(from, to));
          }
        }
        case 4 -> {
          String[] swaps = {"\"[^\"]*\"", "\\d+", "\\{", "\\[", "true|false", "null"};
          String[] into = {"null", "[]", "{}", "\"x\"", "1.5", "[{}]", "-1"};
          String s = sb.toString().replaceFirst(swaps[r.nextInt(swaps.length)], into[r.nextInt(into.length)]);
          sb.setLength(0);
          sb.append(s);
        }
        case 5 -> {
          if (sb.length() > 0 && pos < sb.length()) {
            sb.deleteCharAt(pos);
          }
        }
        default -> sb.insert(pos, "[".repeat(1 + r.nextInt(3000)));
      }
    }
    return sb.toString();
  }

  private static String random(Random r) {
    int len = r.nextInt(200);
    StringBuilder sb = new StringBuilder(len);
    for (int i = 0; i < len; i++) {
      sb.append(r.nextInt(4) == 0 ? TOKENS[r.nextInt(TOKENS.length)] : (char) r.nextInt(0x3000));
    }
    return sb.toString();
  }

  @Test
  void onlyImExceptionsEscapeTheResponseParsers() {
    // Given
    Random r = new Random(SEED);
    List<String> seeds = seeds();
    List<Operation> ops = operations();
    ScriptedHttp http = new ScriptedHttp();
    Map<String, int[]> outcomes = new LinkedHashMap<>(); // operation -> {returned, ImException}
    try (InfrastructureManager im = new DefaultInfrastructureManager(URI.create("http://127.0.0.1:1"), http,
        () -> { }, new WaitSupport(new FakeTime(), () -> 0.5, null))) {

      // When
      for (int i = 0; i < ITERATIONS; i++) {
        Operation op = ops.get(i % ops.size());
        http.contentType = CONTENT_TYPES[r.nextInt(CONTENT_TYPES.length)];
        http.body = r.nextInt(5) == 0 ? random(r) : mutate(seedFor(op, seeds, r), r);
        int[] counts = outcomes.computeIfAbsent(op.name(), k -> new int[2]);
        try {
          op.call().apply(im);
          counts[0]++;
        } catch (ImException expected) {
          counts[1]++;
        } catch (Throwable t) {
          fail("iteration %d (seed %d), %s with Content-Type '%s' and body:%n%s%nthrew %s", i, SEED, op.name(),
              http.contentType, abbreviate(http.body), t, t);
        }
      }
    }

    // Then: every operation ran its share; the parsers that validate rejected some bodies and accepted others
    assertThat(outcomes).hasSize(ops.size());
    outcomes.forEach((op, c) -> {
      assertThat(c[0] + c[1]).as(op).isEqualTo(ITERATIONS / ops.size());
      assertThat(c[0]).as("%s accepted some bodies", op).isPositive();
      assertThat(c[1]).as("%s rejected some bodies", op).isPositive();
    });
  }

  @Test
  void theErrorMapperTurnsAnyErrorBodyIntoAServiceException() {
    // Given
    Random r = new Random(SEED + 1);
    List<String> seeds = seeds();
    seeds.add("{\"message\": \"Error Getting Inf. info: Invalid InfrastructureManager credentials\", \"code\": 400}");
    seeds.add("{\"detail\": [{\"type\": \"bool\", \"loc\": [\"query\", \"async\"], \"msg\": \"bad\"}]}");
    seeds.add("<html><title>x</title><h1>Message: a &amp; b</h1></html>");
    int[] statuses = {400, 401, 403, 404, 409, 415, 422, 500, 502, 503, 504, 599, 302};

    for (int i = 0; i < ITERATIONS / 4; i++) {
      String type = CONTENT_TYPES[r.nextInt(CONTENT_TYPES.length)];
      String body = r.nextInt(5) == 0 ? random(r) : mutate(seeds.get(r.nextInt(seeds.size())), r);
      int status = statuses[r.nextInt(statuses.length)];
      ImResponse response = new ImResponse(status, type, body, Map.of("Content-Type", type));

      // When
      var e = ErrorMapper.toException(ImCall.get("/infrastructures/x/state"), response,
          Redactor.forHeader("type = InfrastructureManager; token = sekret-token"), "");

      // Then
      assertThat(e.statusCode()).isEqualTo(status);
      assertThat(e.serverMessage().length()).isLessThanOrEqualTo(ErrorMapper.MAX_MESSAGE_LENGTH + 40);
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 600 ? s : s.substring(0, 600) + "... (" + s.length() + " chars)";
  }
}
