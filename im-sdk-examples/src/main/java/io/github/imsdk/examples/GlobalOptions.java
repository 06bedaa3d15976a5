package io.github.imsdk.examples;

import picocli.CommandLine.Option;

/**
 * im_client's global options. They are accepted before the operation (on the root command) and after it (on each
 * im_client operation), as Python's optparse accepts them anywhere; {@link #merged(GlobalOptions)} combines both.
 * The long names keep im_client's spelling ({@code --auth_file}, {@code --rest-url}, {@code --system_name}); the
 * examples' earlier names ({@code --im-url}, {@code --auth-file}) stay as aliases.
 */
final class GlobalOptions {

  @Option(names = {"-r", "--rest-url", "--restapi-url", "--im-url"}, paramLabel = "URL",
      description = "URL address of the InfrastructureManager REST API")
  String restUrl;

  @Option(names = {"-a", "--auth_file", "--auth-file"}, paramLabel = "FILE", description = "Authentication data file")
  String authFile;

  @Option(names = {"-u", "--xmlrpc-url"}, paramLabel = "URL", hidden = true,
      description = "XML-RPC is not supported (IM 2.0 removed it); use -r")
  String xmlrpcUrl;

  @Option(names = {"-v", "--verify-ssl"}, description = "Verify the certificate of the IM server (always done)")
  boolean verifySsl;

  @Option(names = {"-f", "--force"}, description = "Force the deletion of the infrastructure")
  boolean force;

  @Option(names = {"-q", "--quiet"}, description = "Work in quiet mode")
  boolean quiet;

  @Option(names = {"-n", "--name"}, description = "Use infrastructure name instead of ID")
  boolean name;

  @Option(names = {"-s", "--system_name", "--system-name"}, paramLabel = "NAME",
      description = "Filter VMs by system name")
  String systemName;

  @Option(names = {"-y", "--yes"},
      description = "Do not ask for confirmation when performing operations that may cause data loss")
  boolean yes;

  @Option(names = "--show-secrets", description = "Print passwords, keys and tokens instead of ********")
  boolean showSecrets;

  @Option(names = "--allow-local-config-commands", description = "Trust ./im_client.cfg: allow command(...) and "
      + "file(...) values in the auth file it names, and credentials from elsewhere to go to the IM URL it names "
      + "(also IMSDK_ALLOW_LOCAL_CONFIG=1)")
  boolean allowLocalConfigCommands;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit")
  boolean help;

  /** Returns these options with every value not given here taken from {@code outer} (the root's). */
  GlobalOptions merged(GlobalOptions outer) {
    GlobalOptions m = new GlobalOptions();
    m.restUrl = restUrl != null ? restUrl : outer.restUrl;
    m.authFile = authFile != null ? authFile : outer.authFile;
    m.xmlrpcUrl = xmlrpcUrl != null ? xmlrpcUrl : outer.xmlrpcUrl;
    m.verifySsl = verifySsl || outer.verifySsl;
    m.force = force || outer.force;
    m.quiet = quiet || outer.quiet;
    m.name = name || outer.name;
    m.systemName = systemName != null ? systemName : outer.systemName;
    m.yes = yes || outer.yes;
    m.showSecrets = showSecrets || outer.showSecrets;
    m.allowLocalConfigCommands = allowLocalConfigCommands || outer.allowLocalConfigCommands;
    return m;
  }
}
