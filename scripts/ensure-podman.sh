#!/usr/bin/env bash
# Makes sure rootful Podman's Docker-compatible API answers on /run/podman/podman.sock, installing Debian's podman
# and starting its API service when needed; with it answering it only checks. Idempotent; needs root to install.
#
#   scripts/ensure-podman.sh                    install podman, configure it, start its API service unless it runs
#   scripts/ensure-podman.sh --load-image IMG   also copy IMG from the Docker engine into Podman's storage, unless
#                                               Podman holds the same image (by ID) already
#
# The host has no systemd, so the service is started by hand and ends with the session, as dockerd does here.
# Podman's defaults assume systemd: its cgroup manager (systemd) and its events log (journald) are switched to
# cgroupfs and a file in /etc/containers/containers.conf. Rootful Podman also gives every container 1048576 open
# files and processes, above this host's hard limits, which it cannot raise without CAP_SYS_RESOURCE (missing from
# the bounding set here): every container start then fails in runc's setrlimit. So the service runs with known
# limits, and containers.conf makes them every container's default. Podman runs beside dockerd; neither is
# restarted.
set -euo pipefail

readonly SOCKET=/run/podman/podman.sock
readonly CONF=/etc/containers/containers.conf
readonly LOG=/var/log/kubicle-podman.log
readonly WAIT_SECONDS=30
# No more processes than the kernel has process ids.
readonly NOFILE=$(ulimit -Hn)
readonly NPROC=$(( $(ulimit -Hu) < $(cat /proc/sys/kernel/pid_max) ? $(ulimit -Hu) : $(cat /proc/sys/kernel/pid_max) ))

readonly SCRIPT=ensure-podman
# shellcheck source=daemon-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/daemon-lib.sh"

answers() { curl -sf --max-time 5 --unix-socket "$SOCKET" http://d/_ping >/dev/null 2>&1; }
summary() { echo "Podman $(podman version --format '{{.Server.Version}}' 2>/dev/null) on $SOCKET"; }

install_missing() {
  local missing=()
  command -v podman >/dev/null || missing+=(podman)
  command -v curl >/dev/null || missing+=(curl)
  apt_install "${missing[@]}"
}

# Written only when absent, so that a user's own settings win; a file kubicle wrote is recognised by its header.
configure() {
  local header="# Written by kubicle's scripts/ensure-podman.sh: a host without systemd."
  if [[ -f $CONF ]] && ! head -1 "$CONF" | grep -qF "$header"; then
    say "keeping $CONF as it is (not written by kubicle)"
    return 0
  fi
  need_root "writing $CONF"
  mkdir -p "$(dirname "$CONF")"
  cat >"$CONF.new" <<EOF
$header
[engine]
# No systemd on the host to hand cgroups to: podman manages them itself.
cgroup_manager = "cgroupfs"
# No journald on the host either.
events_logger = "file"

[containers]
# What the service runs with (scripts/ensure-podman.sh starts it so): Podman's own default is more than a host
# without CAP_SYS_RESOURCE can grant.
default_ulimits = ["nofile=$NOFILE:$NOFILE", "nproc=$NPROC:$NPROC"]
EOF
  if ! cmp -s "$CONF.new" "$CONF" 2>/dev/null; then
    mv "$CONF.new" "$CONF"
    say "wrote $CONF (cgroupfs, events to a file, open files $NOFILE, processes $NPROC)"
    if answers; then
      say "warning: the running podman service read the old $CONF; stop it to have it read the new one"
    fi
  else
    rm -f "$CONF.new"
  fi
}

# A service started by an older copy of this script from a directory that was deleted since cannot start a
# container (see start_service); stop it, so that it is started again from /.
restart_service_without_directory() {
  local pid
  for pid in $(pgrep -f "podman system service .*unix://$SOCKET" || true); do
    [[ "$(readlink "/proc/$pid/cwd" 2>/dev/null)" == *" (deleted)" ]] || continue
    say "podman's service (pid $pid) runs in a deleted directory and cannot start containers: restarting it"
    stop_daemon "$pid" "podman's service" "$LOG"
  done
}

start_service() {
  need_root "starting podman's API service"
  mkdir -p "$(dirname "$SOCKET")"
  # --time=0: the service never exits for want of clients. Its limits are the ones containers.conf names.
  start_daemon "$LOG" prlimit --nofile="$NOFILE" --nproc="$NPROC" \
    podman system service --time=0 "unix://$SOCKET"
  wait_for_daemon "$DAEMON_PID" "podman system service" "$LOG" answers summary
}

# Pods on different nodes talk through the cluster network's bridge with their own addresses, which the host's
# FORWARD chain sees (bridged traffic passes iptables where br_netfilter is on, as Kubernetes wants). Podman's
# netavark accepts only its network's own subnet there, and a Docker engine on the same host sets the chain's
# policy to DROP: pod traffic between nodes would be dropped. Docker's own bridges carry an equivalent rule.
allow_traffic_within_bridges() {
  local rule=(FORWARD -i 'podman+' -o 'podman+' -j ACCEPT)
  command -v iptables >/dev/null || return 0
  iptables -C "${rule[@]}" 2>/dev/null && return 0
  need_root "adding a FORWARD rule"
  iptables -I "${rule[@]}" || die "iptables -I ${rule[*]} failed"
  say "accepting forwarded traffic within Podman's bridges (iptables -I ${rule[*]})"
}

# The node image is built into Docker's storage; podman has storage of its own. Same ID means same image.
load_image() {
  local image=$1 in_docker in_podman
  in_docker=$(docker image inspect --format '{{.Id}}' "$image" 2>/dev/null) \
    || die "the Docker engine has no image $image to copy into podman; build it first (bin/kubicle build node-image)"
  in_podman=$(podman image inspect --format '{{.Id}}' "$image" 2>/dev/null || true)
  if [[ "sha256:$in_podman" == "$in_docker" || "$in_podman" == "$in_docker" ]]; then
    return 0
  fi
  say "copying $image from docker into podman's storage"
  docker save "$image" | podman load -q >/dev/null || die "podman load of $image failed"
}

main() {
  local image=""
  case "${1:-}" in
    "") ;;
    --load-image) [[ $# -eq 2 ]] || usage; image=$2 ;;
    *) usage ;;
  esac
  install_missing
  configure
  allow_traffic_within_bridges
  restart_service_without_directory
  answers || start_service
  [[ -z $image ]] || load_image "$image"
}

main "$@"
