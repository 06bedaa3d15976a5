/**
 * The Infrastructure Manager (IM) client: {@link io.github.imsdk.core.InfrastructureManager} and the values it
 * returns.
 *
 * <pre>{@code
 * Credentials credentials = Credentials.of(
 *     AuthLine.builder("InfrastructureManager").id("im").set("username", "user").set("password", "pass").build(),
 *     AuthLine.builder("Dummy").id("dummy").build());
 * try (InfrastructureManager im = InfrastructureManager.builder()
 *     .endpoint(URI.create("http://localhost:8800"))
 *     .credentials(credentials)
 *     .build()) {
 *   Template template = Template.tosca(Files.readString(Path.of("vm.yaml")));
 *   try (Deployment d = im.infrastructures().deploy(template,
 *       Wait.configured().withTimeout(Duration.ofMinutes(45)), progress -> System.out.println(progress))) {
 *     VmInfo vm = d.infrastructure().vm("0").info();
 *     System.out.println(vm.publicIp().orElse("no public IP"));
 *   }                                             // destroyed here, also after an exception; d.keep() keeps it
 * }
 * }</pre>
 *
 * <p>To let the SDK choose the cloud, {@link io.github.imsdk.core.InfrastructureManager#placement()} deploys a TOSCA
 * template on the best fitting cloud of the credentials and falls back to the next:
 * <pre>{@code
 * PlacementResult r = im.placement().deploy(ToscaTemplate.parse(yaml),
 *     PlacementOptions.defaults().withImage(ImageWish.like("ubuntu 22.04")), System.out::println);
 * }</pre>
 *
 * <p>Errors are unchecked: {@link io.github.imsdk.core.ImServiceException} and its subclasses for IM's error
 * answers, {@link io.github.imsdk.core.ImTransportException} when no answer came, and
 * {@link io.github.imsdk.core.ImResponseException} when an answer could not be understood,
 * {@link io.github.imsdk.core.ImWaitException} when a wait ends without success. Safe calls are repeated on
 * transport errors and 429/502/503/504 per the client's {@link io.github.imsdk.core.RetryPolicy}; a create is
 * never sent twice. {@code Infrastructures.createAndWait} destroys what it created when the wait fails, and a
 * {@link io.github.imsdk.core.Deployment} from {@code Infrastructures.deploy} destroys it when closed.
 */
package io.github.imsdk.core;
