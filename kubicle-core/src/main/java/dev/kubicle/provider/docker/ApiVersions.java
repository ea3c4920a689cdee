package dev.kubicle.provider.docker;

import com.github.dockerjava.core.RemoteApiVersion;
import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;

/**
 * Chooses the Engine API version to speak. Engines refuse versions above their own (Debian's Docker 20.10 speaks
 * 1.41) and, since Docker 29, below 1.44; docker-java pins whatever version it is given into every path. So the
 * engine is asked first, and we speak the highest version both sides know.
 */
final class ApiVersions {
    /** The newest API docker-java 3.7.1 has models for. */
    static final RemoteApiVersion HIGHEST_CLIENT = RemoteApiVersion.VERSION_1_44;
    /** Docker 20.10: the first with {@code CgroupnsMode}, which nodes need on cgroup v2 hosts. */
    static final RemoteApiVersion LOWEST_USABLE = RemoteApiVersion.VERSION_1_41;

    private ApiVersions() {
    }

    /**
     * @param serverVersion    the engine's {@code ApiVersion} from {@code GET /version}
     * @param serverMinVersion the engine's {@code MinAPIVersion}, or null when it does not say
     */
    static RemoteApiVersion negotiate(String serverVersion, String serverMinVersion, String where) {
        RemoteApiVersion server = RemoteApiVersion.parseConfigWithDefault(serverVersion);
        if (server == RemoteApiVersion.UNKNOWN_VERSION) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE,
                    "the Docker engine at " + where + " reports no usable API version (\"" + serverVersion + "\")");
        }
        RemoteApiVersion chosen = server.isGreater(HIGHEST_CLIENT) ? HIGHEST_CLIENT : server;
        // isGreaterOrEqual compares major and minor separately, so only isGreater is used.
        if (LOWEST_USABLE.isGreater(chosen)) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE, "the Docker engine at " + where + " speaks API "
                    + server.getVersion() + ", kubicle needs " + LOWEST_USABLE.getVersion()
                    + " or newer (Docker 20.10+); upgrade the engine");
        }
        RemoteApiVersion serverMin = RemoteApiVersion.parseConfigWithDefault(serverMinVersion);
        if (serverMin != RemoteApiVersion.UNKNOWN_VERSION && serverMin.isGreater(chosen)) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE, "the Docker engine at " + where
                    + " needs API " + serverMin.getVersion() + " or newer, kubicle speaks up to "
                    + HIGHEST_CLIENT.getVersion() + "; use a newer kubicle");
        }
        return chosen;
    }
}
