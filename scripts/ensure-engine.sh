#!/usr/bin/env bash
# Makes sure a Docker engine answers, installing and starting Debian's docker.io when none does; with one
# answering it only checks. Also installs debootstrap and gcc, which kubicle's offline node image build needs.
#
#   scripts/ensure-engine.sh                          start the local engine unless it runs
#   scripts/ensure-engine.sh --runtime-wrapper PATH   make the runc wrapper at PATH the engine's default runtime
#   scripts/ensure-engine.sh --default-runtime        back to the engine's own runc
#   scripts/ensure-engine.sh --restart                stop the local engine as a host shutdown would, then start it
#                                                     (the lifecycle tests prove that clusters come back by themselves)
#
# kubicle must be tested on both kinds of host: where `docker run --privileged` works and where it fails (ours lack
# CAP_SYS_RESOURCE). The project's runc wrapper, scripts/runc-hostcaps, turns the second kind into the first. The
# runtime options rewrite /etc/docker/daemon.json and make a running engine reload it (SIGHUP): running containers
# keep going, containers started afterwards use the new default runtime.
# Installing and starting need root.
set -euo pipefail

readonly SOCKET=/var/run/docker.sock
readonly DAEMON_JSON=/etc/docker/daemon.json
readonly PIDFILE=/var/run/docker.pid
readonly LOG=/var/log/kubicle-dockerd.log
readonly WAIT_SECONDS=30
readonly SCRIPT=ensure-engine
# shellcheck source=daemon-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/daemon-lib.sh"

engine_version() { docker version --format '{{.Server.Version}}' 2>/dev/null; }
engine_answers() { command -v docker >/dev/null && engine_version >/dev/null; }
engine_summary() { echo "Docker $(engine_version), default runtime $(docker info --format '{{.DefaultRuntime}}')"; }
dockerd_pid() { local pid; pid=$(cat "$PIDFILE" 2>/dev/null) && kill -0 "$pid" 2>/dev/null && echo "$pid"; }

install_missing() {
  local missing=()
  command -v dockerd >/dev/null || missing+=(docker.io)
  command -v debootstrap >/dev/null || missing+=(debootstrap)
  # The node image's pause binary is C, compiled static (Kubernetes' own components need only Go).
  command -v gcc >/dev/null || missing+=(gcc libc6-dev)
  apt_install "${missing[@]}"
}

# Every node's systemd, kubelet and containerd watch files with inotify, and the host's default of 128 inotify
# instances per user (all nodes run as the host's root) runs out at around a dozen nodes: kubelets then fail with
# "inotify_init: too many open files" and nodes never get Ready (kind documents the same limit). Raised, never
# lowered.
raise_inotify_limits() {
  local key want have
  for key in fs.inotify.max_user_instances=8192 fs.inotify.max_user_watches=524288; do
    want=${key#*=}
    have=$(sysctl -n "${key%%=*}" 2>/dev/null) || continue
    if [[ $have -lt $want ]]; then
      need_root "raising ${key%%=*}"
      sysctl -q -w "$key" && say "raised ${key%%=*} from $have to $want"
    fi
  done
}

wait_for_engine() { wait_for_daemon "$1" dockerd "$LOG" engine_answers engine_summary; }

start_engine() {
  local pid
  if pid=$(dockerd_pid); then
    say "dockerd (pid $pid) is running but does not answer yet; waiting"
  else
    need_root "starting dockerd"
    say "starting dockerd (log: $LOG)"
    start_daemon "$LOG" dockerd
    pid=$DAEMON_PID
  fi
  wait_for_engine "$pid"
}

# Registers the wrapper at $1 as the default runtime, or with no argument makes runc the default again; prints
# "changed" when daemon.json changed. The wrapper needs python3 anyway, so python3 edits the JSON.
set_default_runtime() {
  python3 - "$DAEMON_JSON" "${1:-}" <<'EOF'
import json, os, sys
path, wrapper = sys.argv[1], sys.argv[2]
config = json.load(open(path)) if os.path.exists(path) else {}
before = json.dumps(config, sort_keys=True)
runtimes = config.setdefault("runtimes", {})
if wrapper:
    name = os.path.basename(wrapper)
    runtimes[name] = {"path": wrapper}
    config["default-runtime"] = name
else:
    # A reload keeps settings the file no longer names: name the engine's own runc explicitly.
    config["default-runtime"] = "runc"
if json.dumps(config, sort_keys=True) != before:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        json.dump(config, f, indent=2)
        f.write("\n")
    print("changed")
EOF
}

change_runtime() {
  need_root "changing the engine's default runtime"
  if [[ "$(set_default_runtime "$@")" != changed ]]; then
    say "$DAEMON_JSON already has that default runtime"
    return 0
  fi
  local pid second want
  pid=$(dockerd_pid) || { say "wrote $DAEMON_JSON"; return 0; }
  want=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("default-runtime", "runc"))' "$DAEMON_JSON")
  say "wrote $DAEMON_JSON; asking dockerd (pid $pid) to reload it"
  kill -HUP "$pid"
  for ((second = 0; second < WAIT_SECONDS; second++)); do
    [[ "$(docker info --format '{{.DefaultRuntime}}' 2>/dev/null)" == "$want" ]] && return 0
    sleep 1
  done
  die "dockerd did not switch its default runtime to $want within $WAIT_SECONDS s; see $LOG"
}

# The engine ends its containers on SIGTERM (each with its stop signal, then a kill) before it exits.
stop_engine() {
  local pid
  need_root "stopping dockerd"
  pid=$(dockerd_pid) || { say "dockerd is not running"; return 0; }
  stop_daemon "$pid" dockerd "$LOG"
}

runtime_change=()
restart=false
case "${1:-}" in
  "") ;;
  --restart)
    [[ $# -eq 1 ]] || usage
    restart=true ;;
  --runtime-wrapper)
    [[ $# -eq 2 && "$2" == /* ]] || usage
    [[ -x "$2" ]] || die "runtime wrapper $2 is not an executable file"
    command -v python3 >/dev/null || die "the runtime wrapper option needs python3"
    runtime_change=("$2") ;;
  --default-runtime)
    [[ $# -eq 1 ]] || usage
    runtime_change=("") ;;
  *) usage ;;
esac

if [[ -n "${DOCKER_HOST:-}" && "$DOCKER_HOST" != "unix://$SOCKET" ]]; then
  [[ ${#runtime_change[@]} -eq 0 ]] || die "DOCKER_HOST=$DOCKER_HOST: runtime options manage only the local engine"
  engine_answers || die "no engine answers at DOCKER_HOST=$DOCKER_HOST; start it, or unset DOCKER_HOST"
  exit 0
fi

install_missing
raise_inotify_limits
[[ ${#runtime_change[@]} -eq 0 ]] || change_runtime "${runtime_change[@]}"
[[ $restart == false ]] || stop_engine
if engine_answers; then
  say "engine answers: $(engine_summary)"
else
  start_engine
fi
