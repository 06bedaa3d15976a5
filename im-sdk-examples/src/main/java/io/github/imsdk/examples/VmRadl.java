package io.github.imsdk.examples;

import io.github.imsdk.core.VmInfo;
import io.github.imsdk.core.VmNetwork;
import java.util.Map;

/**
 * A VM's RADL text as im_client prints it for getvminfo/getinfo: its networks, then its system. The SDK reads VM
 * information as RADL-JSON, so the text is written back from the features IM sent.
 */
final class VmRadl {

  private VmRadl() {}

  /** Writes the VM's networks and system in RADL syntax. */
  static String text(VmInfo info) {
    StringBuilder sb = new StringBuilder();
    for (VmNetwork net : info.networks()) {
      block(sb, "network", net.id(), net.features());
      sb.append('\n');
    }
    block(sb, "system", info.systemName(), info.properties());
    return sb.toString();
  }

  // key = 'text', numbers bare, _min/_max features as >= / <=; "class" and "id" are RADL-JSON's, not features
  private static void block(StringBuilder sb, String kind, String id, Map<String, ?> features) {
    sb.append(kind).append(' ').append(id).append(" (");
    boolean first = true;
    for (Map.Entry<String, ?> e : features.entrySet()) {
      String key = e.getKey();
      if (key.equals("class") || key.equals("id")) {
        continue;
      }
      sb.append(first ? "\n" : " and\n");
      first = false;
      String op = "=";
      if (key.endsWith("_min")) {
        key = key.substring(0, key.length() - 4);
        op = ">=";
      } else if (key.endsWith("_max")) {
        key = key.substring(0, key.length() - 4);
        op = "<=";
      }
      Object v = e.getValue();
      sb.append(key).append(' ').append(op).append(' ')
          .append(v instanceof Number ? v.toString() : "'" + PyFormat.str(v) + "'");
    }
    sb.append("\n)");
  }
}
