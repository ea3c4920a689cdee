#!/usr/bin/env bash
# Makes sure N extra Docker engines run on this machine, each as if it were a machine of its own, joined into one
# Docker Swarm, so that one kubicle cluster can spread its nodes over them (README: "Clusters over several engines").
# Idempotent: what runs already is only checked. Needs root, and a running main engine for --load-image.
#
#   scripts/ensure-engines.sh [N]                    start engines e1..eN (default 2) and join them into one swarm
#   scripts/ensure-engines.sh [N] --load-image IMG   also copy IMG from the main engine into each of them, unless the
#                                                    engine holds the same image (by ID) already
#   scripts/ensure-engines.sh --stop                 stop every such engine and remove its network namespace, veth
#                                                    and the bridge (data roots stay: they cache the node image)
#
# Engine eI lives in the network namespace kubicle-eI with address 10.213.0.(10+I) on a veth to the host bridge
# kubicle-eng (10.213.0.1/24): between engines that is the "LAN" swarm needs (TCP 2377, TCP/UDP 7946, UDP 4789).
# Each has its own data root (/var/lib/kubicle-engines/eI), exec root, containerd, pid file and socket
# (unix:///run/kubicle-engines/eI/docker.sock). Only the network namespace is its own: the engine shares the
# host's mount namespace, so its nodes see the host's cgroup hierarchy as nodes of the main engine do. e1 is the
# swarm manager; the others join it as managers too, so any of them can make the cluster's overlay network.
set -euo pipefail

readonly BRIDGE=kubicle-eng
readonly PREFIX=10.213.0
readonly DATA=/var/lib/kubicle-engines
readonly RUN=/run/kubicle-engines
readonly WAIT_SECONDS=30
readonly SCRIPT=ensure-engines
declare -a started=()
# shellcheck source=daemon-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/daemon-lib.sh"

address() { echo "$PREFIX.$((10 + $1))"; }
socket() { echo "$RUN/e$1/docker.sock"; }
on() { local i=$1; shift; docker -H "unix://$(socket "$i")" "$@"; }
engine_pid() { local pid; pid=$(cat "$RUN/e$1/docker.pid" 2>/dev/null) && kill -0 "$pid" 2>/dev/null && echo "$pid"; }

ensure_bridge() {
  if ! ip link show "$BRIDGE" >/dev/null 2>&1; then
    ip link add "$BRIDGE" type bridge
    ip addr add "$PREFIX.1/24" dev "$BRIDGE"
    say "made bridge $BRIDGE ($PREFIX.1/24)"
  fi
  ip link set "$BRIDGE" up
  # Bridged frames pass the host's FORWARD chain (br_netfilter), whose policy the main engine sets to DROP.
  local rule=(FORWARD -i "$BRIDGE" -o "$BRIDGE" -j ACCEPT)
  iptables -C "${rule[@]}" 2>/dev/null || iptables -I "${rule[@]}"
}

ensure_namespace() {
  local i=$1 ns=kubicle-e$1 veth=keng$1
  ip netns list | grep -qw "^$ns" && return 0
  ip netns add "$ns"
  ip link add "$veth" type veth peer name eth0 netns "$ns"
  ip link set "$veth" master "$BRIDGE" up
  ip -n "$ns" addr add "$(address "$i")/24" dev eth0
  ip -n "$ns" link set lo up
  ip -n "$ns" link set eth0 up
  ip -n "$ns" route add default via "$PREFIX.1"
  say "made network namespace $ns ($(address "$i"))"
}

engine_answers_now() { on "$current" version --format '{{.Server.Version}}' >/dev/null 2>&1; }
engine_summary_now() { echo "Docker $(on "$current" version --format '{{.Server.Version}}') at unix://$(socket "$current")"; }

# Started all before any is waited for: an engine that was a swarm manager does not answer until it has reached a
# majority of the managers or 20 s have passed, so engines restarted one after another would each wait that long.
start_engine() {
  local i=$1
  current=$i
  engine_answers_now && return 0
  mkdir -p "$DATA/e$i" "$RUN/e$i"
  engine_pid "$i" >/dev/null && return 0
  say "starting engine e$i in network namespace kubicle-e$i (log: /var/log/kubicle-engine-e$i.log)"
  # A settings file of its own: dockerd would otherwise read the main engine's /etc/docker/daemon.json (its runtime).
  [[ -f "$DATA/e$i/daemon.json" ]] || echo '{}' >"$DATA/e$i/daemon.json"
  # nsenter, not `ip netns exec`: the latter remounts /sys, hiding the host's cgroup mounts the nodes need.
  # The engine's own networks (docker_gwbridge) take addresses from 10.213.64.0/18, never the main engine's.
  start_daemon "/var/log/kubicle-engine-e$i.log" nsenter --net="/run/netns/kubicle-e$i" dockerd \
    -H "unix://$(socket "$i")" --config-file "$DATA/e$i/daemon.json" --data-root "$DATA/e$i" \
    --exec-root "$RUN/e$i/exec" \
    --pidfile "$RUN/e$i/docker.pid" --bridge none \
    --default-address-pool base=10.213.64.0/18,size=24
  started[i]=$DAEMON_PID
}

await_engine() {
  local i=$1 pid
  current=$i
  engine_answers_now && return 0
  pid=${started[i]:-$(engine_pid "$i")} || die "engine e$i is not running; see /var/log/kubicle-engine-e$i.log"
  wait_for_daemon "$pid" "engine e$i" "/var/log/kubicle-engine-e$i.log" engine_answers_now engine_summary_now
}

swarm_state() { on "$1" info --format '{{.Swarm.LocalNodeState}}' 2>/dev/null; }

ensure_swarm() {
  local count=$1 i token=
  if [[ ! "$(swarm_state 1)" =~ ^(active|pending)$ ]]; then
    # Overlay networks of the swarm (its ingress included) take their subnets from 10.213.128.0/17.
    on 1 swarm init --advertise-addr "$(address 1)" --listen-addr "$(address 1):2377" \
      --default-addr-pool 10.213.128.0/17 >/dev/null
    say "engine e1 started a swarm at $(address 1):2377"
  fi
  for ((i = 2; i <= count; i++)); do
    # An engine that was in the swarm before it restarted is "pending" until it reaches the others again.
    [[ "$(swarm_state "$i")" =~ ^(active|pending)$ ]] && continue
    [[ -n ${token:-} ]] || token=$(on 1 swarm join-token -q manager)
    on "$i" swarm join --token "$token" --advertise-addr "$(address "$i")" --listen-addr "$(address "$i"):2377" \
      "$(address 1):2377" >/dev/null
    say "engine e$i joined the swarm"
  done
  wait_for_swarm "$count"
}

# Managers restarted together agree on the swarm again only once a majority of them is back and has elected a leader;
# until then every engine says "active" and "manager", yet attaching a container to the overlay network times out.
# A node is Ready once its agent has a session with the leader, so all of them Ready, as every engine sees it, is
# the swarm working again (an agent whose first tries failed waits up to 8 s before the next).
wait_for_swarm() {
  local count=$1 i second
  for ((second = 0; second < WAIT_SECONDS; second++)); do
    for ((i = 1; i <= count; i++)); do
      [[ "$(swarm_state "$i")" == active ]] || break
      [[ "$(on "$i" node ls --format '{{.Status}}' 2>/dev/null | grep -c '^Ready$')" == "$count" ]] || break
    done
    ((i > count)) && return 0
    sleep 1
  done
  die "the engines' swarm is not active within $WAIT_SECONDS s; see /var/log/kubicle-engine-e*.log"
}

load_image() {
  local count=$1 image=$2 want i
  want=$(docker image inspect --format '{{.Id}}' "$image" 2>/dev/null) \
    || die "the main engine has no image $image to copy; build it first (bin/kubicle build node-image)"
  for ((i = 1; i <= count; i++)); do
    [[ "$(on "$i" image inspect --format '{{.Id}}' "$image" 2>/dev/null)" == "$want" ]] && continue
    say "copying $image into engine e$i"
    docker save "$image" | on "$i" load -q >/dev/null || die "loading $image into engine e$i failed"
  done
}

stop_all() {
  local dir i pid
  for dir in "$RUN"/e*; do
    [[ -d $dir ]] || continue
    i=${dir##*/e}
    if pid=$(engine_pid "$i"); then
      stop_daemon "$pid" "engine e$i" "/var/log/kubicle-engine-e$i.log"
    fi
    ip netns delete "kubicle-e$i" 2>/dev/null || true
  done
  if ip link show "$BRIDGE" >/dev/null 2>&1; then
    ip link delete "$BRIDGE"
    iptables -D FORWARD -i "$BRIDGE" -o "$BRIDGE" -j ACCEPT 2>/dev/null || true
    say "removed bridge $BRIDGE"
  fi
}

main() {
  local count=2 image="" i
  if [[ "${1:-}" == --stop ]]; then
    [[ $# -eq 1 ]] || usage
    need_root "stopping the engines"
    stop_all
    return 0
  fi
  if [[ "${1:-}" =~ ^[1-9]$ ]]; then count=$1; shift; fi
  case "${1:-}" in
    "") ;;
    --load-image) [[ $# -eq 2 ]] || usage; image=$2 ;;
    *) usage ;;
  esac
  need_root "starting engines in network namespaces"
  command -v dockerd >/dev/null || die "no dockerd; run scripts/ensure-engine.sh first"
  command -v nsenter >/dev/null || apt_install util-linux
  ensure_bridge
  for ((i = 1; i <= count; i++)); do
    ensure_namespace "$i"
    start_engine "$i"
  done
  for ((i = 1; i <= count; i++)); do
    await_engine "$i"
  done
  ensure_swarm "$count"
  [[ -z $image ]] || load_image "$count" "$image"
}

main "$@"
