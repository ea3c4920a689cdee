#!/usr/bin/env bash
# Benchmarks kubicle against kind on this machine and rewrites docs/benchmarks.md with the results: create, stop,
# start until Ready again and delete of a 1-node and a 1+2-node cluster, adding and deleting a worker and saving and
# restoring a snapshot (kubicle only: kind cannot), idle usage, CLI start-up and, last, loading images. kind's
# clusters are stopped and started as its users can, with `docker stop` and `docker start` of their node containers.
#
#   bench/run.sh                  the whole comparison (60 to 90 minutes with the defaults, loading images included)
#   bench/run.sh --no-docs        the same, but leaves docs/ alone (trial runs)
#   bench/run.sh --only snapshots only kubicle's snapshot save and restore of the 1+2 cluster; leaves docs/ alone
#   bench/run.sh --only load      only loading images into a 1+2 cluster (issue 15; 15 to 30 minutes); rewrites
#                                 only its own part of docs/benchmarks.md (with --no-docs, none)
#   bench/run.sh --help           the harness's own options; any option is passed on to it
#   bench/junit5.sh               (a script of its own) kubicle-junit5: first test, shared and reused clusters
#
# Settings from the environment (defaults in brackets):
#   BENCH_ROUNDS [3]              measured rounds; one warm-up round comes first
#   BENCH_VERSION_RUNS [10]       `version` runs per tool and round
#   BENCH_IDLE_SECONDS [60]       idle window after the 3-node cluster is Ready
#   BENCH_IDLE_SETTLE_SECONDS [30] wait between Ready and the idle window (start-up is not idling)
#   BENCH_COME_BACK_SECONDS [180] how long a stopped cluster has, from the start of its start, to be Ready again
#   BENCH_IMAGE [kubicle/node:v1.37.2]   the node image both tools use; the default is built if missing
#   BENCH_KIND_VERSION [v0.33.0]  the kind release built from source
#   BENCH_KUBECTL                 the kubectl that polls readiness [the one built for the node image, else PATH's]
#   BENCH_RUNTIME_WRAPPER [scripts/runc-hostcaps]  see below
#
# Before it measures, it makes sure of everything the run needs, each step idempotent and cached: the engine
# (scripts/ensure-engine.sh), kind built through the Go module proxy into ~/.cache/kubicle/tools/kind-<version>/,
# kubicle's jar and the harness's jar (Maven), the node image (bin/kubicle build node-image), and a font for the
# chart. kind needs `docker run --privileged`; where the engine refuses it (hosts without CAP_SYS_RESOURCE), the run
# makes the runc wrapper the engine's default runtime (a reload: running containers keep going) and switches back
# at exit, however the run ends. At exit it also deletes every bench-* cluster it may have left.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

readonly IMAGE="${BENCH_IMAGE:-kubicle/node:v1.37.2}"
readonly DEFAULT_IMAGE=kubicle/node:v1.37.2
readonly KIND_VERSION="${BENCH_KIND_VERSION:-v0.33.0}"
readonly WRAPPER="${BENCH_RUNTIME_WRAPPER:-$here/scripts/runc-hostcaps}"
readonly TOOLS="${XDG_CACHE_HOME:-$HOME/.cache}/kubicle/tools"
readonly KIND="$TOOLS/kind-$KIND_VERSION/kind"
readonly BENCH_JAR="$here/kubicle-bench/target/kubicle-bench.jar"

say() { echo "bench: $*" >&2; }
die() { say "error: $*"; exit 1; }

if [[ "${1:-}" == -h || "${1:-}" == --help ]]; then
  sed -n '2,/^set /{/^#/s/^# \{0,1\}//p}' "$0"
  [[ -f "$BENCH_JAR" ]] && java -jar "$BENCH_JAR" run --help
  exit 0
fi

# kind from source, pinned: a release whose go.mod the local Go toolchain builds, so no toolchain download.
ensure_kind() {
  if [[ -x "$KIND" ]] && "$KIND" version 2>/dev/null | grep -q "^kind $KIND_VERSION "; then
    return 0
  fi
  command -v go >/dev/null || die "building kind needs Go (go.dev/dl, or Debian's golang-go); install it and rerun"
  say "building kind $KIND_VERSION from source through the Go module proxy (once; about a minute)"
  mkdir -p "$(dirname "$KIND")"
  GOTOOLCHAIN=local CGO_ENABLED=0 GOBIN="$(dirname "$KIND")" go install "sigs.k8s.io/kind@$KIND_VERSION" \
    || die "go install sigs.k8s.io/kind@$KIND_VERSION failed"
}

ensure_jars() {
  # bin/kubicle builds kubicle's jar when its sources changed; `version` needs no engine.
  "$here/bin/kubicle" version >/dev/null
  if [[ ! -f "$BENCH_JAR" || -n "$(find "$here/kubicle-bench/pom.xml" "$here/kubicle-bench/src/main" \
        -newer "$BENCH_JAR" -print -quit)" ]]; then
    say "building the harness (mvn package -pl kubicle-bench)"
    (cd "$here" && mvn -q -B package -DskipTests -pl kubicle-bench) >&2
  fi
}

# java.awt draws the chart's text with the system's fonts; a minimal machine may have none.
ensure_font() {
  if ! command -v fc-list >/dev/null || [[ -z "$(fc-list 2>/dev/null | head -1)" ]]; then
    say "installing fonts-dejavu-core for the chart"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core fontconfig >/dev/null \
      || die "installing fonts-dejavu-core failed"
  fi
}

# The load benchmark builds its images from Debian's static busybox: no registry is reachable.
ensure_busybox() {
  [[ -x /bin/busybox ]] && return 0
  say "installing busybox-static for the load benchmark's images"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq busybox-static >/dev/null \
    || die "installing busybox-static failed"
}

ensure_image() {
  docker image inspect "$IMAGE" >/dev/null 2>&1 && return 0
  [[ "$IMAGE" == "$DEFAULT_IMAGE" ]] || die "node image $IMAGE is missing; build it or unset BENCH_IMAGE"
  say "building the node image $IMAGE (bin/kubicle build node-image)"
  "$here/bin/kubicle" build node-image
  docker image inspect "$IMAGE" >/dev/null 2>&1 || die "bin/kubicle build node-image did not make $IMAGE"
}

# The kubectl built with the node image's Kubernetes matches its API server; any recent one would do.
pick_kubectl() {
  local built="${XDG_CACHE_HOME:-$HOME/.cache}/kubicle/components/${IMAGE##*:}/bin/kubectl"
  if [[ -n "${BENCH_KUBECTL:-}" ]]; then
    echo "$BENCH_KUBECTL"
  elif [[ -x "$built" ]]; then
    echo "$built"
  else
    command -v kubectl || die "no kubectl found; set BENCH_KUBECTL"
  fi
}

privileged_works() {
  docker rm --force bench-privileged-probe >/dev/null 2>&1 || true
  docker run --rm --name bench-privileged-probe --privileged --entrypoint /bin/true "$IMAGE" >/dev/null 2>&1
}

default_runtime() { docker info --format '{{.DefaultRuntime}}'; }

switched_runtime=false
lib_modules_existed=true
[[ -e /lib/modules ]] || lib_modules_existed=false

on_exit() {
  local status=$?
  trap - EXIT INT TERM
  if [[ -f "$BENCH_JAR" && -x "$KIND" ]]; then
    say "deleting any bench-* cluster left"
    java -jar "$BENCH_JAR" cleanup --kind "$KIND" --kubicle "$here/bin/kubicle" --work "$here/bench/work" >&2 \
      || { say "error: clean-up failed; delete the bench-* clusters by hand"; status=1; }
  fi
  if $switched_runtime; then
    say "switching the engine back to its own runc"
    "$here/scripts/ensure-engine.sh" --default-runtime || { say "error: switching back failed"; status=1; }
  fi
  # kind mounts /lib/modules into its nodes, and the engine creates the host directory when it is missing; an empty
  # one left there would change what kubicle sees on this host.
  if ! $lib_modules_existed && [[ -d /lib/modules ]]; then
    rmdir /lib/modules 2>/dev/null && say "removed the empty /lib/modules the engine made for kind's nodes"
  fi
  exit "$status"
}
trap on_exit EXIT
trap 'exit 130' INT TERM

"$here/scripts/ensure-engine.sh"
ensure_kind
ensure_jars
ensure_font
ensure_busybox
ensure_image
kubectl="$(pick_kubectl)"

if ! privileged_works; then
  [[ -x "$WRAPPER" ]] || die "docker run --privileged fails here and there is no runtime wrapper at $WRAPPER" \
    "(set BENCH_RUNTIME_WRAPPER)"
  say "docker run --privileged fails here: making $WRAPPER the engine's default runtime for the run"
  switched_runtime=true
  "$here/scripts/ensure-engine.sh" --runtime-wrapper "$WRAPPER"
  privileged_works || die "docker run --privileged still fails with $WRAPPER as the default runtime"
fi
say "engine runtime: $(default_runtime); kind: $("$KIND" version); kubectl: $kubectl"

java -jar "$BENCH_JAR" run --checkout "$here" --kind "$KIND" --kubicle "$here/bin/kubicle" --image "$IMAGE" \
  --kubectl "$kubectl" --rounds "${BENCH_ROUNDS:-3}" --version-runs "${BENCH_VERSION_RUNS:-10}" \
  --idle-seconds "${BENCH_IDLE_SECONDS:-60}" --idle-settle-seconds "${BENCH_IDLE_SETTLE_SECONDS:-30}" \
  --come-back-seconds "${BENCH_COME_BACK_SECONDS:-180}" "$@"
