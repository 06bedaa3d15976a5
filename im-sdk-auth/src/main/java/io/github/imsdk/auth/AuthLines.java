package io.github.imsdk.auth;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Typed builders for the auth lines of every credential type IM knows, with the keys of each type and a check of
 * the required ones.
 *
 * <pre>{@code
 * Credentials credentials = Credentials.of(
 *     AuthLines.infrastructureManager().token(tokenProvider).build(),
 *     AuthLines.openStack("ost")
 *         .host("https://keystone.example.org:5000/v3")
 *         .username("egi.eu").tenant("openid").password(tokenProvider)
 *         .authVersion("3.x_oidc_access_token").domain("vo.access.egi.eu")
 *         .build());
 * }</pre>
 *
 * <p>Each factory method returns a {@link Builder} for one type. Its named setters ({@link Builder#host(String)},
 * {@link Builder#token(TokenProvider)}, ...) accept only keys IM reads for that type and throw
 * {@link IllegalArgumentException} otherwise; {@link Builder#set(String, String)} sends any other key as is.
 * {@link Builder#build()} checks that the type's required keys are present. Types this class does not know are
 * still expressible with {@link AuthLine#builder(String)}.
 */
public final class AuthLines {

  private AuthLines() {}

  /** Starts the IM's own credentials ({@code type = InfrastructureManager}): {@code token}, or {@code username} and {@code password}. */
  public static Builder infrastructureManager() {
    return new Builder(Spec.IM, null);
  }

  /** Starts a {@code VMRC} (image catalogue) line: {@code host}, optional {@code username}, {@code password}. */
  public static Builder vmrc() {
    return new Builder(Spec.VMRC, null);
  }

  /**
   * Starts a {@code Vault} line: {@code host} (the Vault URL) and {@code token} (an OIDC access token); optional
   * {@code path}, {@code mountPoint}, {@code role}. IM loads the cloud credentials stored in Vault; an
   * InfrastructureManager line is still needed.
   */
  public static Builder vault() {
    return new Builder(Spec.VAULT, null);
  }

  /** Starts an {@code OpenNebula} line: {@code host}, {@code username}, {@code password}. */
  public static Builder openNebula(String id) {
    return new Builder(Spec.OPEN_NEBULA, id);
  }

  /**
   * Starts an {@code OpenStack} line: {@code host} (Keystone URL), {@code username}, {@code password},
   * {@code tenant} (or a {@code proxy} key for VOMS); optional {@code authVersion}, {@code domain},
   * {@code apiVersion}, and the other OpenStack keys through {@link Builder#set(String, String)} (e.g.
   * {@code service_region}, {@code tenant_id}).
   */
  public static Builder openStack(String id) {
    return new Builder(Spec.OPEN_STACK, id);
  }

  /** Starts an {@code EGI} line: {@code host} (site name), {@code vo}, {@code token}; optional {@code apiVersion}. */
  public static Builder egi(String id) {
    return new Builder(Spec.EGI, id);
  }

  /** Starts an {@code EGIIS} line (one OpenStack line per site of the VO): {@code vo}, {@code token}. */
  public static Builder egiis(String id) {
    return new Builder(Spec.EGIIS, id);
  }

  /**
   * Starts an {@code EC2} line: {@code username} (access key id), {@code password} (secret key); optional
   * {@code token} (STS session token), {@code region}.
   */
  public static Builder ec2(String id) {
    return new Builder(Spec.EC2, id);
  }

  /**
   * Starts an {@code Azure} line: {@code subscriptionId} and either {@code clientId}, {@code secret},
   * {@code tenant} (service principal) or {@code username}, {@code password}.
   */
  public static Builder azure(String id) {
    return new Builder(Spec.AZURE, id);
  }

  /**
   * Starts a {@code GCE} line: {@code username} (service account e-mail), {@code password} (private key content),
   * {@code project}; optional {@code region}.
   */
  public static Builder gce(String id) {
    return new Builder(Spec.GCE, id);
  }

  /**
   * Starts a {@code Kubernetes} line: {@code host} and {@code token} or {@code username}, {@code password};
   * optional {@code namespace}, {@code apps_dns} (through {@link Builder#set(String, String)}).
   */
  public static Builder kubernetes(String id) {
    return new Builder(Spec.KUBERNETES, id);
  }

  /** Starts a {@code KubeVirt} line: {@code host}; optional {@code token} or {@code username}, {@code password}, {@code namespace}. */
  public static Builder kubeVirt(String id) {
    return new Builder(Spec.KUBE_VIRT, id);
  }

  /** Starts a {@code Docker} line: {@code host}; optional {@code publicKey}, {@code privateKey} (client certificate and key). */
  public static Builder docker(String id) {
    return new Builder(Spec.DOCKER, id);
  }

  /** Starts an {@code OSCAR} line: {@code host} and {@code username}, {@code password} or {@code token}. */
  public static Builder oscar(String id) {
    return new Builder(Spec.OSCAR, id);
  }

  /** Starts a {@code Lambda} line: {@code username}, {@code password} (AWS keys), {@code role} (IAM role ARN). */
  public static Builder lambda(String id) {
    return new Builder(Spec.LAMBDA, id);
  }

  /** Starts a {@code Linode} line: {@code username} (the API key). */
  public static Builder linode(String id) {
    return new Builder(Spec.LINODE, id);
  }

  /** Starts a {@code CloudStack} line: {@code host}, {@code username} (API key), {@code password} (secret). */
  public static Builder cloudStack(String id) {
    return new Builder(Spec.CLOUD_STACK, id);
  }

  /** Starts a {@code vSphere} line: {@code host}, {@code username}, {@code password}. */
  public static Builder vsphere(String id) {
    return new Builder(Spec.VSPHERE, id);
  }

  /** Starts an {@code Orange} line: {@code username}, {@code password}; optional {@code domain}, {@code region}, {@code tenant}. */
  public static Builder orange(String id) {
    return new Builder(Spec.ORANGE, id);
  }

  /**
   * Starts a {@code LibCloud} line: {@code driver}; optional {@code host}, and the driver's own keys through
   * {@link Builder#set(String, String)}.
   */
  public static Builder libCloud(String id) {
    return new Builder(Spec.LIB_CLOUD, id);
  }

  /** Starts a {@code Dummy} line (IM's test connector); optional {@code host}. */
  public static Builder dummy(String id) {
    return new Builder(Spec.DUMMY, id);
  }

  /** Starts a {@code DeployedNode} line, for hosts that already exist (their address and login are in the template). */
  public static Builder deployedNode(String id) {
    return new Builder(Spec.DEPLOYED_NODE, id);
  }

  /** The keys IM reads for one type, and the groups of keys of which one must be complete. */
  private record Spec(String type, Set<String> keys, List<List<Set<String>>> required) {

    static final Spec IM = spec("InfrastructureManager", "username password token",
        "username+password|token");
    static final Spec VMRC = spec("VMRC", "host username password", "host");
    static final Spec VAULT = spec("Vault", "host token path mount_point role", "host", "token");
    static final Spec OPEN_NEBULA = spec("OpenNebula", "host username password", "host", "username", "password");
    static final Spec OPEN_STACK = spec("OpenStack",
        "host username password tenant proxy auth_version domain tenant_id tenant_domain_id api_version"
            + " service_region service_name base_url network_url image_url volume_url auth_token microversion vo",
        "host", "username", "password", "tenant|proxy");
    static final Spec EGI = spec("EGI", "host vo token api_version", "host", "vo", "token");
    static final Spec EGIIS = spec("EGIIS", "vo token", "vo", "token");
    static final Spec EC2 = spec("EC2", "username password token region", "username", "password");
    static final Spec AZURE = spec("Azure", "subscription_id client_id secret tenant username password",
        "subscription_id", "client_id+secret+tenant|username+password");
    static final Spec GCE = spec("GCE", "username password project region", "username", "password", "project");
    static final Spec KUBERNETES = spec("Kubernetes", "host token username password namespace apps_dns",
        "host", "token|username+password");
    static final Spec KUBE_VIRT = spec("KubeVirt", "host token username password namespace", "host");
    static final Spec DOCKER = spec("Docker", "host public_key private_key", "host");
    static final Spec OSCAR = spec("OSCAR", "host username password token", "host", "username+password|token");
    static final Spec LAMBDA = spec("Lambda", "username password role", "username", "password", "role");
    static final Spec LINODE = spec("Linode", "username", "username");
    static final Spec CLOUD_STACK = spec("CloudStack", "host username password", "host", "username", "password");
    static final Spec VSPHERE = spec("vSphere", "host username password", "host", "username", "password");
    static final Spec ORANGE = spec("Orange", "username password domain region tenant", "username", "password");
    static final Spec LIB_CLOUD = spec("LibCloud", "driver host", "driver");
    static final Spec DUMMY = spec("Dummy", "host");
    static final Spec DEPLOYED_NODE = spec("DeployedNode", "");

    /** Keys are blank-separated; each requirement is alternatives separated by '|' of keys joined by '+'. */
    private static Spec spec(String type, String keys, String... required) {
      Set<String> known = new LinkedHashSet<>();
      for (String k : keys.split(" ")) {
        if (!k.isEmpty()) {
          known.add(k);
        }
      }
      List<List<Set<String>>> groups = new ArrayList<>();
      for (String requirement : required) {
        List<Set<String>> alternatives = new ArrayList<>();
        for (String alternative : requirement.split("\\|")) {
          alternatives.add(Set.of(alternative.split("\\+")));
        }
        groups.add(List.copyOf(alternatives));
      }
      return new Spec(type, Set.copyOf(known), List.copyOf(groups));
    }

    String describeKeys() {
      return keys.isEmpty() ? "no keys besides id" : keys.stream().sorted().collect(Collectors.joining(", "));
    }
  }

  /**
   * Builds an auth line of one type (from the factory methods of {@link AuthLines}). Named setters accept only
   * keys IM reads for the type; {@link #set(String, String)} accepts any key. Not thread-safe.
   */
  public static final class Builder {
    private final Spec spec;
    private final AuthLine.Builder line;

    private Builder(Spec spec, String id) {
      this.spec = spec;
      this.line = AuthLine.builder(spec.type());
      if (id != null) {
        line.id(id);
      }
    }

    /**
     * Sets the line's id (for cloud lines, the {@code {cloudid}} of {@code /clouds/{cloudid}/...}).
     *
     * @throws IllegalArgumentException if the id does not match {@code [a-zA-Z_.][\w.-]*}, as IM requires
     */
    public Builder id(String id) {
      Objects.requireNonNull(id, "id");
      line.id(id);
      return this;
    }

    /** Sets {@code host}: the endpoint of the cloud or service (a URL, {@code server:port} or a site name). */
    public Builder host(String host) {
      return typed("host", CredentialValue.of(host));
    }

    /** Sets {@code username} (for some types an API key id). */
    public Builder username(String username) {
      return username(CredentialValue.of(username));
    }

    /** Sets {@code username} to a value resolved at request time. */
    public Builder username(CredentialValue username) {
      return typed("username", username);
    }

    /** Sets {@code password} (for some types a secret key, a private key or an access token). */
    public Builder password(String password) {
      return password(CredentialValue.of(password));
    }

    /** Sets {@code password} to a value resolved at request time (e.g. {@link CredentialValue#command}). */
    public Builder password(CredentialValue password) {
      return typed("password", password);
    }

    /** Sets {@code password} to an access token taken from {@code provider} for each request (OpenStack OIDC). */
    public Builder password(TokenProvider provider) {
      return password(CredentialValue.from(provider));
    }

    /** Sets {@code token} (usually an OIDC access token). */
    public Builder token(String token) {
      return token(CredentialValue.of(token));
    }

    /** Sets {@code token} to a value resolved at request time. */
    public Builder token(CredentialValue token) {
      return typed("token", token);
    }

    /** Sets {@code token} to an access token taken from {@code provider} for each request. */
    public Builder token(TokenProvider provider) {
      return token(CredentialValue.from(provider));
    }

    /** Sets {@code tenant} (OpenStack: the project, or the protocol {@code openid}/{@code oidc} with OIDC). */
    public Builder tenant(String tenant) {
      return typed("tenant", CredentialValue.of(tenant));
    }

    /** Sets {@code auth_version} (OpenStack), e.g. {@code 3.x_password} or {@code 3.x_oidc_access_token}. */
    public Builder authVersion(String authVersion) {
      return typed("auth_version", CredentialValue.of(authVersion));
    }

    /** Sets {@code domain} (OpenStack: the domain or, with OIDC, the project; Orange: the domain). */
    public Builder domain(String domain) {
      return typed("domain", CredentialValue.of(domain));
    }

    /** Sets {@code api_version}. */
    public Builder apiVersion(String apiVersion) {
      return typed("api_version", CredentialValue.of(apiVersion));
    }

    /** Sets {@code region}. */
    public Builder region(String region) {
      return typed("region", CredentialValue.of(region));
    }

    /** Sets {@code vo}, the virtual organisation. */
    public Builder vo(String vo) {
      return typed("vo", CredentialValue.of(vo));
    }

    /** Sets {@code project} (GCE). */
    public Builder project(String project) {
      return typed("project", CredentialValue.of(project));
    }

    /** Sets {@code namespace} (Kubernetes, KubeVirt). */
    public Builder namespace(String namespace) {
      return typed("namespace", CredentialValue.of(namespace));
    }

    /** Sets {@code subscription_id} (Azure). */
    public Builder subscriptionId(String subscriptionId) {
      return typed("subscription_id", CredentialValue.of(subscriptionId));
    }

    /** Sets {@code client_id} (Azure). */
    public Builder clientId(String clientId) {
      return typed("client_id", CredentialValue.of(clientId));
    }

    /** Sets {@code secret} (Azure service principal). */
    public Builder secret(String secret) {
      return secret(CredentialValue.of(secret));
    }

    /** Sets {@code secret} to a value resolved at request time. */
    public Builder secret(CredentialValue secret) {
      return typed("secret", secret);
    }

    /** Sets {@code public_key} (Docker: the client certificate, PEM). */
    public Builder publicKey(String publicKey) {
      return publicKey(CredentialValue.of(publicKey));
    }

    /** Sets {@code public_key} to a value resolved at request time (e.g. {@link CredentialValue#file}). */
    public Builder publicKey(CredentialValue publicKey) {
      return typed("public_key", publicKey);
    }

    /** Sets {@code private_key} (Docker: the client key, PEM). */
    public Builder privateKey(String privateKey) {
      return privateKey(CredentialValue.of(privateKey));
    }

    /** Sets {@code private_key} to a value resolved at request time (e.g. {@link CredentialValue#file}). */
    public Builder privateKey(CredentialValue privateKey) {
      return typed("private_key", privateKey);
    }

    /** Sets {@code role} (Lambda: the IAM role ARN; Vault: the JWT role). */
    public Builder role(String role) {
      return typed("role", CredentialValue.of(role));
    }

    /** Sets {@code driver} (LibCloud: the libcloud driver name). */
    public Builder driver(String driver) {
      return typed("driver", CredentialValue.of(driver));
    }

    /** Sets {@code path} (Vault: where the credentials are stored; default the Vault entity id). */
    public Builder path(String path) {
      return typed("path", CredentialValue.of(path));
    }

    /** Sets {@code mount_point} (Vault; default {@code credentials/}). */
    public Builder mountPoint(String mountPoint) {
      return typed("mount_point", CredentialValue.of(mountPoint));
    }

    /** Sets any key, known to this type or not, to a literal; IM ignores keys it does not read. */
    public Builder set(String key, String value) {
      line.set(key, value);
      return this;
    }

    /** Sets any key, known to this type or not, to a value resolved at request time. */
    public Builder set(String key, CredentialValue value) {
      line.set(key, value);
      return this;
    }

    private Builder typed(String key, CredentialValue value) {
      if (!spec.keys().contains(key)) {
        throw new IllegalArgumentException(spec.type() + " auth lines have no '" + key + "' key (IM reads "
            + spec.describeKeys() + "); use set(\"" + key + "\", value) to send it anyway");
      }
      line.set(key, Objects.requireNonNull(value, key));
      return this;
    }

    /**
     * Returns the line.
     *
     * @throws IllegalArgumentException if a key the type requires is missing; the message lists them
     */
    public AuthLine build() {
      AuthLine built = line.build();
      Set<String> present = built.values().keySet();
      List<String> missing = new ArrayList<>();
      for (List<Set<String>> alternatives : spec.required()) {
        if (alternatives.stream().noneMatch(present::containsAll)) {
          missing.add(alternatives.stream()
              .map(set -> set.stream().filter(k -> !present.contains(k)).sorted()
                  .collect(Collectors.joining(" and ")))
              .collect(Collectors.joining(", or ")));
        }
      }
      if (!missing.isEmpty()) {
        throw new IllegalArgumentException("the " + spec.type() + " auth line"
            + built.id().map(id -> " '" + id + "'").orElse("") + " is missing " + String.join("; ", missing));
      }
      return built;
    }
  }
}
