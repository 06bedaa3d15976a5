package io.github.imsdk.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.imsdk.core.Cloud;
import io.github.imsdk.core.CloudImage;
import io.github.imsdk.core.Quota;
import io.github.imsdk.core.internal.http.ImCall;
import io.github.imsdk.core.internal.http.ImHttp;
import io.github.imsdk.core.internal.http.ImResponse;
import io.github.imsdk.core.internal.http.UriBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@link Cloud} over {@link ImHttp}. */
final class DefaultCloud implements Cloud {

  private final ImHttp http;
  private final String id;

  DefaultCloud(ImHttp http, String id) {
    Objects.requireNonNull(id, "cloudId");
    if (id.isBlank() || id.contains("/")) {
      throw new IllegalArgumentException("cloud id must be non-blank without '/', got '" + id + "'");
    }
    this.http = http;
    this.id = id;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public List<CloudImage> images() {
    return images(Map.of());
  }

  @Override
  public List<CloudImage> images(Map<String, String> filters) {
    Objects.requireNonNull(filters, "filters");
    List<String> pairs = new ArrayList<>();
    filters.forEach((k, v) -> {
      Objects.requireNonNull(k, "filter key");
      Objects.requireNonNull(v, "value of filter " + k);
      if (k.isBlank() || k.contains(",") || k.contains("=") || v.contains(",") || v.contains("=")) {
        throw new IllegalArgumentException("filter '" + k + "' cannot be sent: IM's filters parameter cannot "
            + "carry ',' or '=' in keys or values, nor a blank key");
      }
      pairs.add(k + "=" + v);
    });
    Map<String, String> q = pairs.isEmpty() ? Map.of() : Map.of("filters", String.join(",", pairs));
    ImCall call = new ImCall("GET", UriBuilder.path("clouds", id, "images"), q, null, null, true);
    ImResponse r = http.execute(call);
    JsonNode images = Responses.field(call, r, "images");
    if (!images.isArray()) {
      throw Responses.bad(call, r, "'images' is not a JSON array");
    }
    List<CloudImage> out = new ArrayList<>();
    for (JsonNode img : images) {
      Map<String, Object> attrs = Responses.toMap(call, r, img, "images[]");
      String uri = Responses.textual(call, r, img.get("uri"), "images[].uri");
      JsonNode name = img.get("name");
      out.add(new CloudImage(uri, name == null || name.isNull() ? "" : name.asText(), attrs));
    }
    return out;
  }

  @Override
  public Map<String, Quota> quotas() {
    ImCall call = ImCall.get(UriBuilder.path("clouds", id, "quotas"));
    ImResponse r = http.execute(call);
    JsonNode quotas = Responses.field(call, r, "quotas");
    if (!quotas.isObject()) {
      throw Responses.bad(call, r, "'quotas' is not a JSON object");
    }
    try {
      return QuotaReader.read(quotas);
    } catch (QuotaReader.BadQuota e) {
      throw Responses.bad(call, r, e.getMessage());
    }
  }

  @Override
  public String toString() {
    return "Cloud[" + id + "]";
  }

}
