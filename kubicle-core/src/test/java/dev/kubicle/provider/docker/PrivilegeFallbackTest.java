package dev.kubicle.provider.docker;

import com.github.dockerjava.api.exception.InternalServerErrorException;
import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PrivilegeFallbackTest {

    @ParameterizedTest(name = "{1} ← {0}")
    @CsvSource(delimiter = '|', value = {
            // Docker 20.10 with runc 1.1 on a host whose bounding set lacks CAP_SYS_RESOURCE.
            "failed to create shim task: OCI runtime create failed: runc create failed: unable to start container"
                    + " process: unable to apply caps: operation not permitted: unknown | true",
            "OCI runtime create failed: container_linux.go:380: starting container process caused:"
                    + " unable to apply caps: operation not permitted: unknown | true",
            "crun: capset: Operation not permitted: OCI permission denied | true",
            "OCI runtime create failed: cannot set capabilities: operation not permitted | true",
            // Podman's --privileged failure on the same host: dropping privileges does not help.
            "crun: setrlimit `RLIMIT_NOFILE`: Operation not permitted: OCI permission denied | false",
            "No such image: kubicle/node:v1.31.0 | false",
            "Conflict. The container name \"/demo-control-plane\" is already in use | false",
            "runc create failed: unable to start container process: exec: \"/sbin/init\": stat /sbin/init:"
                    + " no such file or directory: unknown | false",
            "error while creating mount source path '/x': mkdir /x: operation not permitted | false",
    })
    void onlyARefusalToGrantCapabilitiesFallsBackToEmulatedPrivileges(String engineMessage, boolean fallsBack) {
        assertThat(PrivilegeFallback.refusedPrivileges(engineMessage)).isEqualTo(fallsBack);
    }

    @Test
    void readsTheEnginesMessageOutOfDockerJavasErrorAndOutOfOurOwn() {
        var fromEngine = new InternalServerErrorException("{\"message\":\"failed to create shim task: OCI runtime"
                + " create failed: runc create failed: unable to start container process: unable to apply caps:"
                + " operation not permitted: unknown\"}\n");
        var wrapped = new KubicleException(ExitCode.UNEXPECTED_STATE,
                "cannot start node demo-worker (privileged): " + EngineErrors.message(fromEngine), fromEngine);

        assertThat(PrivilegeFallback.refusedPrivileges(fromEngine)).isTrue();
        assertThat(PrivilegeFallback.refusedPrivileges(wrapped)).isTrue();
    }
}
