package dev.kubicle.provider.docker;

import com.github.dockerjava.transport.SSLConfig;

import javax.net.ssl.SSLContext;
import java.net.URI;

/**
 * The TLS set-up handed to docker-java's transport. Its client builds a TLS strategy even for a unix socket, which
 * never speaks TLS, and given no context of ours it initialises the JVM's default one: the security providers and
 * every CA certificate of the JDK, a tenth of a second or more of each kubicle run. For a unix socket it gets a
 * context that can do nothing, which nothing ever asks to.
 */
final class UnixSocketTls {
    private UnixSocketTls() {
    }

    /** @param configured what the user's settings ask for (DOCKER_TLS_VERIFY), null for none */
    static SSLConfig forHost(URI host, SSLConfig configured) {
        if (configured != null || !"unix".equals(host.getScheme())) {
            return configured;
        }
        return Unused::new;
    }

    /** A context without an implementation: any use of it would fail at once instead of speaking plain text. */
    private static final class Unused extends SSLContext {
        Unused() {
            super(null, null, "none");
        }
    }
}
