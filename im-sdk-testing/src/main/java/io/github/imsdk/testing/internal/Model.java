package io.github.imsdk.testing.internal;

import io.github.imsdk.core.State;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The emulator's infrastructures and VMs. Guarded by the engine's lock. */
final class Model {

  private Model() {}

  /** An IM user: username and password, or an OIDC identity ({@code token} true). */
  record Identity(String username, String password, boolean token) {
    boolean matches(Identity other) {
      return username.equals(other.username) && password.equals(other.password) && token == other.token;
    }

    @Override
    public String toString() {
      return "Identity[" + username + "]";
    }
  }

  /** One VM and the instants at which it changes state. */
  static final class Vm {
    final int id;
    final String systemId;
    Radl.Aspect system;
    final List<Radl.Aspect> networks = new ArrayList<>();
    Instant createdAt;
    Instant visibleAt;
    Instant runningAt;
    /** When contextualization ends; {@code null} while none runs (added with {@code context=0}). */
    Instant doneAt;
    State outcome = State.CONFIGURED;
    boolean stopped;
    boolean deleted;
    String publicIp;
    String privateIp;
    String username;
    String password;
    String cloudId;
    String cloudType;

    Vm(int id, String systemId) {
      this.id = id;
      this.systemId = systemId;
    }

    /** Returns the VM's RADL: its networks and its system with the state at {@code now}. */
    Radl radl(Instant now) {
      Radl r = new Radl();
      networks.forEach(n -> r.aspects.add(n.copy()));
      Radl.Aspect sys = system.copy();
      sys.set("state", visible(now) ? state(now).wire() : State.PENDING.wire());
      r.aspects.add(sys);
      return r;
    }

    boolean visible(Instant now) {
      return !deleted && !now.isBefore(visibleAt);
    }

    State state(Instant now) {
      if (stopped) {
        return State.STOPPED;
      }
      if (now.isBefore(runningAt)) {
        return State.PENDING;
      }
      if (outcome == State.FAILED) {
        return State.FAILED;
      }
      if (doneAt == null || now.isBefore(doneAt)) {
        return State.RUNNING;
      }
      return outcome;
    }
  }

  /** One infrastructure. */
  static final class Infra {
    final String id;
    final List<Identity> owners = new ArrayList<>();
    Radl radl;
    /** The TOSCA text as sent (null for RADL infrastructures) and its reading. */
    String tosca;
    ToscaReader.Template template;
    final List<Vm> vms = new ArrayList<>();
    Instant createdAt;
    Instant ctxtStartedAt;
    boolean ctxtDisabled;
    boolean deleted;
    /** Until when IM is still launching the VMs of an asynchronous create (a destroy answers 409). */
    Instant addingUntil;
    /** When an asynchronous destroy began and when the infrastructure is gone; null otherwise. */
    Instant deletingFrom;
    Instant deletingUntil;
    String cloudType = "";
    String cloudHost = "";

    Infra(String id) {
      this.id = Objects.requireNonNull(id);
    }

    List<Vm> visibleVms(Instant now) {
      return vms.stream().filter(v -> v.visible(now)).toList();
    }

    boolean ownedBy(List<Identity> ids) {
      return owners.stream().anyMatch(o -> ids.stream().anyMatch(o::matches));
    }

    /** Aggregates the VM states the way IM does (order-sensitive, VMs in id order). */
    State state(Instant now) {
      if (deleted) {
        return State.DELETING;
      }
      List<Vm> vs = visibleVms(now);
      State result = null;
      boolean anyPending = false;
      boolean anyRunning = false;
      for (Vm v : vs) {
        State s = v.state(now);
        if (s == State.FAILED || s == State.UNKNOWN) {
          return s;
        }
        anyPending |= s == State.PENDING;
        anyRunning |= s == State.RUNNING;
        if (s == State.UNCONFIGURED) {
          result = State.UNCONFIGURED;
        } else if (result == null && (s == State.STOPPED || s == State.OFF || s == State.CONFIGURED)) {
          result = s;
        }
      }
      if (anyPending) {
        return State.PENDING;
      }
      if (anyRunning) {
        return State.RUNNING;
      }
      if (result != null) {
        return result;
      }
      return vs.isEmpty() ? State.PENDING : State.UNKNOWN;
    }
  }
}
