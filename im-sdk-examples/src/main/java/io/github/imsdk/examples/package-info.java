/**
 * Runnable programs built on the SDK, packaged as one jar ({@code im-sdk-examples/target/im-sdk-examples.jar}).
 *
 * <pre>{@code
 * java -jar im-sdk-examples.jar run-container --image nginx:1.27 --port 80
 * java -jar im-sdk-examples.jar template --image nginx:1.27 --port 80 > docker.yaml
 * java -jar im-sdk-examples.jar create docker.yaml --im-url https://im.example.org/im --auth-file auth.dat
 * }</pre>
 */
package io.github.imsdk.examples;
