#!/usr/bin/env bash
# Checks that kind itself accepts kubicle's node image: kind, built from source (a test tool only, never a kubicle
# dependency), creates a cluster of one control plane and two workers from the image, every node must become
# Ready, every system pod Running and every node's pod network programmed with the cluster's subnets, then the
# cluster is deleted.
#
#   scripts/kind-compat.sh [--image IMAGE] [--retain]
#
#   --image IMAGE   the node image to try (default: kubicle/node:<default Kubernetes version>, built with
#                   bin/kubicle build node-image when missing or stale)
#   --retain        keep the cluster after a failure, to look into its nodes (kind delete cluster --name kubicle-compat)
#
# kind starts its nodes with `docker run --privileged`; where the engine refuses that, scripts/kind-privilege.sh
# switches its runtime for the check. Needs root, Go (go on PATH or in /usr/local/go) and the docker command.
set -euo pipefail

# The newest kind release; it builds with the local Go toolchain (its go.mod asks for go 1.17).
readonly KIND_VERSION=v0.33.0
readonly CLUSTER=kubicle-compat
readonly WAIT=5m
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly here
readonly tools="${XDG_CACHE_HOME:-$HOME/.cache}/kubicle/tools"
readonly kind="$tools/kind"
work=$(mktemp -d /tmp/kind-compat.XXXXXX)
readonly work

say() { echo "kind-compat: $*" >&2; }
die() { say "error: $*"; exit 1; }
usage() { sed -n '2,/^set /{/^#/s/^# \{0,1\}//p}' "$0" >&2; exit 2; }

image=
retain=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --image) [[ $# -ge 2 ]] || usage; image=$2; shift 2 ;;
    --retain) retain=true; shift ;;
    *) usage ;;
  esac
done

# shellcheck source=kind-privilege.sh
source "$here/scripts/kind-privilege.sh"

cluster_made=false
succeeded=false

finish() {
  local status=$?
  if $cluster_made; then
    if ! $succeeded; then
      say "kind's logs of the failed cluster: $work/logs"
      "$kind" export logs --name "$CLUSTER" "$work/logs" >/dev/null 2>&1 || true
    fi
    if $succeeded || ! $retain; then
      "$kind" delete cluster --name "$CLUSTER" --kubeconfig "$work/kubeconfig" >&2 || true
    else
      say "kept cluster $CLUSTER (--retain); delete it with: $kind delete cluster --name $CLUSTER"
    fi
  fi
  restore_runtime
  if $succeeded; then
    rm -rf "$work"
  fi
  exit "$status"
}
trap finish EXIT

go_command() {
  command -v go 2>/dev/null || { [[ -x /usr/local/go/bin/go ]] && echo /usr/local/go/bin/go; } \
    || die "kind is built from source and needs Go: put go on PATH"
}

ensure_kind() {
  if [[ "$("$kind" version 2>/dev/null)" == "kind $KIND_VERSION "* ]]; then
    return 0
  fi
  say "building kind $KIND_VERSION from source into $tools"
  mkdir -p "$tools"
  GOTOOLCHAIN=local GOBIN="$tools" CGO_ENABLED=0 "$(go_command)" install "sigs.k8s.io/kind@$KIND_VERSION"
  [[ "$("$kind" version)" == "kind $KIND_VERSION "* ]] || die "$kind does not report version $KIND_VERSION"
}

ensure_image() {
  if [[ -z "$image" ]]; then
    "$here/bin/kubicle" build node-image >&2
    # The image a plain create would use: kubicle's default.
    image=$("$here/bin/kubicle" create cluster --dry-run | sed -n 's/^ *image: //p' | head -n 1)
    [[ -n "$image" ]] || die "could not read kubicle's default node image from 'kubicle create cluster --dry-run'"
  fi
  docker image inspect "$image" >/dev/null 2>&1 || die "image $image is not on the engine"
}

# kind's own config for the cluster. Kubernetes 1.35 and later refuse cgroup v1 hosts unless told otherwise; the
# patch is harmless on cgroup v2.
write_config() {
  cat >"$work/kind.yaml" <<EOF
kind: Cluster
apiVersion: kind.x-k8s.io/v1alpha4
nodes:
  - role: control-plane
  - role: worker
  - role: worker
kubeadmConfigPatches:
  - |
    kind: KubeletConfiguration
    failCgroupV1: false
EOF
}

in_control_plane() {
  docker exec "$CLUSTER-control-plane" kubectl --kubeconfig /etc/kubernetes/admin.conf "$@"
}

# pod_network_programmed NODE: whether the node's kubicle-cni has masqueraded the cluster's pod subnet (kind's
# default, 10.244.0.0/16) and refuses packets for its Service range (10.96.0.0/16). kind fills in the pod subnet of
# a CNI manifest only when the manifest asks for it; without that, the DaemonSet got the placeholder as its subnet,
# nodes still became Ready and pods reached each other, but nothing a pod sent out of the cluster came back.
pod_network_programmed() {
  docker exec "$1" iptables -t nat -S KUBICLE-MASQ 2>/dev/null | grep -q -- '-s 10.244.0.0/16 -j MASQUERADE' \
    && docker exec "$1" iptables -S KUBICLE-SERVICE-GUARD 2>/dev/null | grep -q -- '-d 10.96.0.0/16 -j REJECT'
}

# The DaemonSet programs a node right after it makes the node Ready, so a node may be Ready a moment before.
await_pod_network() {
  local node waited
  for node in $("$kind" get nodes --name "$CLUSTER"); do
    waited=0
    until pod_network_programmed "$node"; do
      ((waited < 60)) || die "kubicle-cni did not program the pod network of $node within 60 s; its log: $(
        in_control_plane logs -n kube-system -l app=kubicle-cni --tail=5 --prefix 2>&1 | tail -n 15)"
      sleep 1
      waited=$((waited + 1))
    done
  done
}

ensure_kind
ensure_image
if "$kind" get clusters 2>/dev/null | grep -qx "$CLUSTER"; then
  die "a kind cluster named $CLUSTER exists already; delete it with: $kind delete cluster --name $CLUSTER"
fi
grant_privileged "$image"
write_config
say "kind $KIND_VERSION creates cluster $CLUSTER (1 control plane, 2 workers) from $image"
start=$(date +%s)
cluster_made=true
"$kind" create cluster --name "$CLUSTER" --image "$image" --config "$work/kind.yaml" \
  --kubeconfig "$work/kubeconfig" --wait "$WAIT" --retain
say "created in $(($(date +%s) - start)) s; waiting for every node to be Ready"
in_control_plane wait --for=condition=Ready nodes --all --timeout="$WAIT"
in_control_plane wait --for=condition=Ready pods --all --all-namespaces --timeout="$WAIT"
await_pod_network
in_control_plane get nodes -o wide
in_control_plane get pods --all-namespaces -o wide
nodes=$(in_control_plane get nodes --no-headers | wc -l)
[[ "$nodes" -eq 3 ]] || die "the cluster has $nodes nodes, expected 3"
succeeded=true
say "PASSED: kind $KIND_VERSION runs $image with 3 Ready nodes ($(($(date +%s) - start)) s)"
