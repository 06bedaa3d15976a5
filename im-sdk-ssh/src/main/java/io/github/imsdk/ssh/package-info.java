/**
 * SSH to the VMs IM deploys: log in with the credentials IM hands out, on the SSH port IM maps, through the
 * {@code proxy_host} gateway when the VM has one; run commands, copy files over SFTP, forward local ports.
 *
 * <pre>{@code
 * VmInfo info = im.infrastructure(id).vm("0").info();
 * try (SshSession ssh = SshSession.builder()
 *     .vm(info)
 *     .hostKeys(HostKeyPolicy.trustOnFirstUse(Path.of("known_hosts")))
 *     .waitUntilReady(Duration.ofMinutes(5))
 *     .connect()) {
 *   CommandResult r = ssh.run("hostname");
 *   System.out.println(r.exitCode() + " " + r.stdout());
 * }
 * }</pre>
 *
 * <p>Built on Apache MINA SSHD; its types never appear in this package. Every error is a {@link
 * io.github.imsdk.ssh.SshException} (an {@link io.github.imsdk.ImException}); no password or key reaches a
 * message, a log line or a {@code toString()}.
 */
package io.github.imsdk.ssh;
