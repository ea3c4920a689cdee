#!/usr/bin/env bash
# The whole test suite: unit tests, then integration and end-to-end tests against a real engine, which this script
# installs and starts when none is running. Caches live outside the checkout (~/.m2, ~/.cache/kubicle, the engine's
# images), so a second run on the same machine is fast.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
"$here/scripts/ensure-engine.sh"
# Podman beside Docker, for the Podman provider's end-to-end test (which copies the node image into it).
"$here/scripts/ensure-podman.sh"
# The provider's integration test imports a one-binary image made from Debian's static busybox; the benchmark's
# chart test draws text, which java.awt takes from the system's fonts; the compose export's test brings a cluster
# up with Debian's docker-compose (1.29), the oldest Compose a user of the exported file is likely to have.
missing=()
dpkg -s busybox-static >/dev/null 2>&1 || missing+=(busybox-static)
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || missing+=(fonts-dejavu-core)
dpkg -s docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "test.sh: installing ${missing[*]} for the tests" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
mvn -B verify "$@"
# The JUnit 5 example is a project of its own, as a user's would be: it builds against the artifacts in ~/.m2.
mvn -B -q install -DskipTests -pl kubicle-core,kubicle-junit5 -am
mvn -B -f examples/junit5-demo/pom.xml verify

# kubicle must work on both kinds of host: where the engine refuses --privileged (this machine's kind, tested
# above through kubicle's fallback) and where it grants it (a workstation). The second kind is made here with a
# runc wrapper that drops the capabilities the host lacks; the end-to-end test then runs again, expecting
# privileged nodes, and kind itself checks that it accepts kubicle's node image.
wrapper=${KUBICLE_RUNC_WRAPPER:-$here/scripts/runc-hostcaps}
probe=$(docker run --rm --privileged --network none --entrypoint /kubicle-no-such-program kubicle/base:latest 2>&1 \
  || true)
if grep -q 'unable to apply caps' <<<"$probe"; then
  if [[ ! -x "$wrapper" ]]; then
    echo "test.sh: the engine refuses --privileged and there is no runc wrapper at $wrapper:" \
      "the privileged-host tests cannot run here; set KUBICLE_RUNC_WRAPPER" >&2
    exit 1
  fi
  "$here/scripts/ensure-engine.sh" --runtime-wrapper "$wrapper"
  trap '"$here/scripts/ensure-engine.sh" --default-runtime' EXIT
fi
KUBICLE_EXPECT_PRIVILEGE=PRIVILEGED mvn -B verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=ClusterE2EIT -Dfailsafe.failIfNoSpecifiedTests=false
"$here/scripts/kind-compat.sh"
