#!/usr/bin/env bash
# The whole test suite: unit tests, then integration and end-to-end tests against a real engine, which this script
# installs and starts when none is running. Caches live outside the checkout (~/.m2, ~/.cache/kubicle, the engine's
# images), so a second run on the same machine is fast.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
"$here/scripts/ensure-engine.sh"
# The provider's integration test imports a one-binary image made from Debian's static busybox; the benchmark's
# chart test draws text, which java.awt takes from the system's fonts.
missing=()
dpkg -s busybox-static >/dev/null 2>&1 || missing+=(busybox-static)
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || missing+=(fonts-dejavu-core)
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "test.sh: installing ${missing[*]} for the tests" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
exec mvn -B verify "$@"
