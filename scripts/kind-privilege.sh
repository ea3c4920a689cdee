# Sourced by the scripts that run kind (kind-compat.sh, conformance.sh). kind starts its nodes with
# `docker run --privileged`, which the engine refuses on a host whose capability bounding set lacks
# CAP_SYS_RESOURCE (this project's test machines). There the runc wrapper $KUBICLE_RUNC_WRAPPER (default
# scripts/runc-hostcaps) becomes the engine's default runtime while kind runs, and restore_runtime brings the
# engine's own runc back. The switch reloads dockerd's configuration: running containers keep going. Expects $here
# (the checkout) and the functions say and die.

runtime_switched=false
readonly runc_wrapper="${KUBICLE_RUNC_WRAPPER:-$here/scripts/runc-hostcaps}"

# grant_privileged IMAGE: makes `docker run --privileged IMAGE` work, switching the runtime if it has to.
grant_privileged() {
  if docker run --rm --privileged --entrypoint true "$1" >/dev/null 2>&1; then
    say "the engine grants --privileged as it is"
    return 0
  fi
  [[ -x "$runc_wrapper" ]] || die "the engine refuses --privileged and the runc wrapper $runc_wrapper is missing"
  say "the engine refuses --privileged: making $runc_wrapper its default runtime while kind runs"
  runtime_switched=true
  "$here/scripts/ensure-engine.sh" --runtime-wrapper "$runc_wrapper" >&2
  docker run --rm --privileged --entrypoint true "$1" >/dev/null \
    || die "--privileged still fails with $runc_wrapper as the default runtime"
}

restore_runtime() {
  $runtime_switched || return 0
  say "switching the engine back to its own runc"
  "$here/scripts/ensure-engine.sh" --default-runtime >&2 \
    || say "could not switch back: run scripts/ensure-engine.sh --default-runtime"
  runtime_switched=false
}
