#!/usr/bin/env bash
# The whole test suite: unit tests, then integration and end-to-end tests against a real engine, which this script
# installs and starts when none is running. Caches live outside the checkout (~/.m2, ~/.cache/kubicle, the engine's
# images), so a second run on the same machine is fast.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
"$here/scripts/ensure-engine.sh"
exec mvn -B verify "$@"
