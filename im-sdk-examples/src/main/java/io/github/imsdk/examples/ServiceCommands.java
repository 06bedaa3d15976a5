package io.github.imsdk.examples;

import io.github.imsdk.core.CloudImage;
import io.github.imsdk.core.Quota;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** im_client's operations about the service and the clouds: getversion, cloudimages, cloudusage. */
final class ServiceCommands {

  private ServiceCommands() {}

  @Command(name = "getversion", description = "Print the IM service version (needs no auth file)")
  static final class GetVersionOp extends ImOperation {
    @Override
    String failure() {
      return "ERROR getting IM service version";
    }

    @Override
    boolean needsAuth() {
      return false;
    }

    @Override
    boolean run(Connection c) {
      String version = c.im.server().version();
      out.println(opts.quiet ? version : "IM service version: " + version);
      return true;
    }
  }

  @Command(name = "cloudimages", description = "Print the images a cloud of the auth file offers (JSON)")
  static final class CloudImagesOp extends ImOperation {
    @Parameters(index = "0", arity = "0..1", paramLabel = "cloud_id")
    String cloudId;

    @Override
    String failure() {
      return "ERROR getting cloud image list";
    }

    @Override
    boolean run(Connection c) {
      List<CloudImage> images = c.im.cloud(required(cloudId, "Cloud ID not specified")).images();
      List<Object> data = new ArrayList<>();
      images.forEach(i -> data.add(i.attributes()));
      out.println(PyFormat.jsonIndented(data));
      return true;
    }
  }

  @Command(name = "cloudusage", description = "Print the quotas of a cloud of the auth file (JSON)")
  static final class CloudUsageOp extends ImOperation {
    @Parameters(index = "0", arity = "0..1", paramLabel = "cloud_id")
    String cloudId;

    @Override
    String failure() {
      return "ERROR getting cloud usage";
    }

    @Override
    boolean run(Connection c) {
      Map<String, Quota> quotas = c.im.cloud(required(cloudId, "Cloud ID not specified")).quotas();
      Map<String, Object> data = new LinkedHashMap<>();
      quotas.forEach((k, q) -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("used", q.used());
        m.put("limit", q.limit());
        data.put(k, m);
      });
      out.println(PyFormat.jsonIndented(data));
      return true;
    }
  }
}
