package io.github.imsdk.examples;

import io.github.imsdk.core.VmInfo;
import java.util.Map;

/** A VM's RADL text as im_client prints it for getvminfo/getinfo. */
final class VmRadl {

  private VmRadl() {}

  /**
   * Writes the VM's system in RADL syntax from the features IM sent ({@code key = 'text'}, numbers bare,
   * {@code _min}/{@code _max} features as {@code >=}/{@code <=}).
   */
  static String text(VmInfo info) {
    StringBuilder sb = new StringBuilder("system ").append(info.systemName()).append(" (\n");
    boolean first = true;
    for (Map.Entry<String, Object> e : info.properties().entrySet()) {
      if (!first) {
        sb.append(" and\n");
      }
      first = false;
      String key = e.getKey();
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
    return sb.append("\n)").toString();
  }
}
