package io.github.imsdk.auth.internal.token;

import io.github.imsdk.auth.AccessToken;
import io.github.imsdk.auth.ImCredentialsException;
import io.github.imsdk.auth.TokenProvider;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tries providers in order and remembers the first that delivered a token.
 *
 * <p>Once a provider has won, later calls go straight to it. If the winner fails later, the whole chain is tried
 * again from the start (the winner is skipped that round) and, when every provider fails, the exception lists
 * each provider's reason in order.
 */
public final class ChainTokenProvider implements TokenProvider {

  private static final Logger LOG = LoggerFactory.getLogger(ChainTokenProvider.class);

  private final List<TokenProvider> providers;
  private volatile TokenProvider winner;

  /** Builds a chain over {@code providers}, which must not be empty. */
  public ChainTokenProvider(List<TokenProvider> providers) {
    if (providers.isEmpty()) {
      throw new IllegalArgumentException("a provider chain needs at least one provider");
    }
    for (int i = 0; i < providers.size(); i++) {
      if (providers.get(i) == null) {
        throw new IllegalArgumentException("provider #" + (i + 1) + " of the chain is null");
      }
    }
    this.providers = List.copyOf(providers);
  }

  @Override
  public AccessToken token() {
    List<String> reasons = new ArrayList<>();
    TokenProvider last = winner;
    if (last != null) {
      try {
        return last.token();
      } catch (RuntimeException e) {
        reasons.add(reason(last, e));
        LOG.debug("Remembered token provider {} failed; trying the chain again", Tokens.describe(last));
        winner = null;
      }
    }
    for (TokenProvider p : providers) {
      if (p == last) {
        continue;
      }
      try {
        AccessToken t = p.token();
        if (t == null) {
          reasons.add(Tokens.describe(p) + ": returned no token");
          continue;
        }
        winner = p;
        LOG.debug("Token provider {} supplied the token", Tokens.describe(p));
        return t;
      } catch (RuntimeException e) {
        reasons.add(reason(p, e));
      }
    }
    throw new ImCredentialsException("no token provider of the chain supplied a token", reasons);
  }

  private static String reason(TokenProvider p, RuntimeException e) {
    String message = e instanceof ImCredentialsException ? e.getMessage() : e.getClass().getSimpleName()
        + (e.getMessage() == null ? "" : ": " + e.getMessage());
    return Tokens.describe(p) + ": " + message;
  }

  @Override
  public void invalidate() {
    TokenProvider w = winner;
    if (w != null) {
      w.invalidate();
    } else {
      providers.forEach(TokenProvider::invalidate);
    }
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("first available of [");
    for (int i = 0; i < providers.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(Tokens.describe(providers.get(i)));
    }
    return sb.append(']').toString();
  }
}
