#!/usr/bin/env bash
# Runs Kubernetes' own conformance tests ([Conformance] specs of e2e.test) against a 1+2 kubicle cluster, and the
# same tests against a kind cluster made from the same node image, offline: the suite and its images are built here
# from the Go module proxy and Debian packages (scripts/conformance/build-suite.sh, build-images.sh), cached under
# ~/.cache/kubicle/conformance/<version>.
#
#   scripts/conformance.sh [--focus-subset] [--on kubicle|kind|both] [--focus REGEX] [--skip REGEX] [--procs N]
#                          [--timeout DURATION] [--out DIR] [--doc FILE] [--retain]
#
#   --focus-subset  a short set of [Conformance] specs (pods, services, DNS, volumes, probes; a few minutes), on
#                   kubicle only unless --on says otherwise; exits non-zero when one of them fails. What CI runs.
#   --on WHERE      kubicle (default with --focus-subset), kind, or both (default)
#   --focus REGEX   which [Conformance] specs (ginkgo focus, within [Conformance]); default: all of them
#   --skip REGEX    specs to leave out (default: [Serial] and [Disruptive] ones, which need the cluster alone)
#   --procs N       specs run in parallel (default 2: the machine's cores)
#   --timeout D     stop each run after D (ginkgo's --timeout, e.g. 20m; default 6h): specs not finished by then
#                   count as interrupted, the rest as not run
#   --out DIR       where the reports go (default: a new directory under /tmp)
#   --doc FILE      write the summary (markdown) there; default docs/conformance.md for a run on both, none otherwise
#   --retain        keep the clusters afterwards
#
# Clusters are named conf-kubicle and conf-kind (CONFORMANCE_CLUSTER_PREFIX changes the "conf-"). Exit status: 0
# when every spec that ran passed, was not runnable (an image not built here) or failed only for a reason listed in
# scripts/conformance/known-reasons.tsv
# as a host limit; 1 otherwise.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly here lib="$here/scripts/conformance"
readonly KIND_VERSION=v0.33.0
readonly cache="${XDG_CACHE_HOME:-$HOME/.cache}/kubicle"
# Specs of the focus subset: one or two per area a cluster has to get right (pods and their lifecycle, container
# networking across nodes, services and their endpoints, cluster DNS, volumes fed by the API, probes).
readonly SUBSET_FOCUS='Pods should be submitted and removed|Networking Granular Checks: Pods should function for intra-pod communication: http|Services should serve a basic endpoint from pods|DNS should provide DNS for services|ConfigMap should be consumable from pods in volume with mappings \[|Secrets should be consumable from pods in env vars|Probing container with readiness probe should not be ready before initial delay and never restart|EmptyDir volumes should support \(root,0644,default\)|Kubectl client Kubectl version should check is all data is printed'

say() { echo "conformance: $*" >&2; }
die() { say "error: $*"; exit 1; }
usage() { sed -n '2,/^set /{/^#/s/^# \{0,1\}//p}' "$0" >&2; exit 2; }

subset=false timeout=6h on= focus= skip='\[Serial\]|\[Disruptive\]' procs=2 out= doc= retain=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --focus-subset) subset=true; shift ;;
    --on) [[ $# -ge 2 ]] || usage; on=$2; shift 2 ;;
    --focus) [[ $# -ge 2 ]] || usage; focus=$2; shift 2 ;;
    --skip) [[ $# -ge 2 ]] || usage; skip=$2; shift 2 ;;
    --procs) [[ $# -ge 2 ]] || usage; procs=$2; shift 2 ;;
    --timeout) [[ $# -ge 2 ]] || usage; timeout=$2; shift 2 ;;
    --out) [[ $# -ge 2 ]] || usage; out=$2; shift 2 ;;
    --doc) [[ $# -ge 2 ]] || usage; doc=$2; shift 2 ;;
    --retain) retain=true; shift ;;
    *) usage ;;
  esac
done
if $subset; then
  [[ -z $focus ]] || die "--focus-subset and --focus exclude each other"
  focus=$SUBSET_FOCUS
  on=${on:-kubicle}
fi
on=${on:-both}
case $on in kubicle | kind | both) ;; *) die "--on takes kubicle, kind or both, not '$on'" ;; esac
[[ $procs =~ ^[1-9][0-9]*$ ]] || die "--procs takes a positive number, not '$procs'"
[[ -n $doc || $on != both ]] || doc=$here/docs/conformance.md
out=${out:-$(mktemp -d /tmp/conformance.XXXXXX)}
mkdir -p "$out"
readonly prefix=${CONFORMANCE_CLUSTER_PREFIX:-conf-}

"$here/scripts/ensure-engine.sh" >&2
command -v jq >/dev/null || {
  say "installing jq (reads ginkgo's JSON reports)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq jq >/dev/null
}

# The node image and its Kubernetes version: kubicle's default, built when missing.
"$here/bin/kubicle" build node-image >&2
image=$("$here/bin/kubicle" create cluster --dry-run | sed -n 's/^ *image: //p' | head -n 1)
[[ -n $image ]] || die "could not read kubicle's default node image from 'kubicle create cluster --dry-run'"
version=${image##*:}
suite=$cache/conformance/$version
kubectl=$cache/components/$version/bin/kubectl
[[ -x $kubectl ]] || die "$kubectl is missing: it is built with the node image (bin/kubicle build node-image)"

t0=$(date +%s)
"$lib/build-suite.sh" "$version" "$suite"
say "suite ready in $(($(date +%s) - t0)) s"
"$suite/bin/e2e.test" --list-images >"$out/e2e-images.txt" 2>/dev/null
mapfile -t built < <("$lib/build-images.sh" "$suite" "$out/e2e-images.txt")
# What the nodes hold besides: the images kubeadm deploys, preloaded in the node image.
docker run --rm --entrypoint cat "$image" /kind/images.txt >"$out/preloaded.txt" 2>/dev/null \
  || cp "$cache/components/$version/images.txt" "$out/preloaded.txt"
printf '%s\n' "${built[@]}" | cat - "$out/preloaded.txt" | sort -u >"$out/available-images.txt"

# Every [Conformance] spec of the suite, for the report's "not run" and "not runnable" parts.
"$suite/bin/e2e.test" --ginkgo.dry-run --ginkgo.label-filter=Conformance --ginkgo.no-color \
  --ginkgo.json-report="$out/all-conformance.json" >/dev/null 2>&1 || true
[[ -s $out/all-conformance.json ]] || die "e2e.test --ginkgo.dry-run wrote no report"

kind_bin=$cache/tools/kind
ensure_kind() {
  [[ "$("$kind_bin" version 2>/dev/null)" == "kind $KIND_VERSION "* ]] && return 0
  say "building kind $KIND_VERSION from source into $(dirname "$kind_bin")"
  mkdir -p "$(dirname "$kind_bin")"
  GOTOOLCHAIN=local GOBIN="$(dirname "$kind_bin")" CGO_ENABLED=0 "$(command -v go || echo /usr/local/go/bin/go)" \
    install "sigs.k8s.io/kind@$KIND_VERSION"
}

# The clusters made and not yet deleted, as <kubicle|kind>:<name>.
clusters=()
delete_cluster() {
  case $1 in
    kubicle:*) "$here/bin/kubicle" delete cluster -q --name "${1#*:}" >&2 || true ;;
    kind:*) "$kind_bin" delete cluster --name "${1#*:}" --kubeconfig "$out/kind.kubeconfig" >&2 || true ;;
  esac
}
# shellcheck source=kind-privilege.sh
source "$here/scripts/kind-privilege.sh"
cleanup() {
  local status=$? entry
  if ! $retain; then
    for entry in "${clusters[@]}"; do delete_cluster "$entry"; done
  fi
  restore_runtime
  exit "$status"
}
trap cleanup EXIT

# create_cluster <kubicle|kind>: a 1+2 cluster from the node image, its kubeconfig at $out/<where>.kubeconfig and the
# test images in every node.
create_cluster() {
  local where=$1 name=$prefix$1 t
  t=$(date +%s)
  case $where in
    kubicle)
      "$here/bin/kubicle" delete cluster -q --name "$name" >&2 || true
      printf 'apiVersion: kubicle.dev/v1alpha1\nkind: Cluster\nname: %s\nnodes:\n- role: control-plane\n- role: worker\n- role: worker\n' \
        "$name" >"$out/kubicle.yaml"
      clusters+=("kubicle:$name")
      "$here/bin/kubicle" create cluster --config "$out/kubicle.yaml" --image "$image" --wait 5m >&2
      "$here/bin/kubicle" get kubeconfig --name "$name" >"$out/kubicle.kubeconfig"
      "$here/bin/kubicle" load docker-image "${built[@]}" --name "$name" >&2
      ;;
    kind)
      ensure_kind
      grant_privileged "$image"
      "$kind_bin" delete cluster --name "$name" >/dev/null 2>&1 || true
      # Kubernetes 1.35 and later refuse cgroup v1 hosts unless told otherwise; kind does not say it by itself.
      printf 'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n- role: control-plane\n- role: worker\n- role: worker\nkubeadmConfigPatches:\n- |\n  kind: KubeletConfiguration\n  failCgroupV1: false\n' \
        >"$out/kind.yaml"
      clusters+=("kind:$name")
      "$kind_bin" create cluster --name "$name" --image "$image" --config "$out/kind.yaml" \
        --kubeconfig "$out/kind.kubeconfig" --wait 5m >&2
      load_into_kind "$name"
      ;;
  esac
  say "$where cluster $name with the test images ready in $(($(date +%s) - t)) s"
}

# kind's own `load docker-image` asks ctr for options Debian's ctr 1.6 lacks, so the archives go in as kubicle's
# loader does it: `ctr images import` in each node.
load_into_kind() {
  local node
  docker save "${built[@]}" -o "$out/images.tar"
  for node in $("$kind_bin" get nodes --name "$1"); do
    docker exec -i "$node" ctr --namespace k8s.io images import --all-platforms - <"$out/images.tar" >/dev/null
  done
  rm -f "$out/images.tar"
}

# run_suite <kubicle|kind>: the focused [Conformance] specs, with ginkgo's JSON report at $out/<where>.json.
run_suite() {
  local where=$1 t rc=0
  t=$(date +%s)
  mkdir -p "$out/$where"
  say "running [Conformance] specs on $where (focus: ${focus:-all}; skip: ${skip:-none}; $procs in parallel)"
  (cd "$out/$where" && "$suite/bin/ginkgo" --procs="$procs" --timeout="$timeout" --no-color --silence-skips \
    --label-filter=Conformance ${focus:+--focus="$focus"} ${skip:+--skip="$skip"} \
    --json-report="$where.json" --output-dir="$out" \
    "$suite/bin/e2e.test" -- --kubeconfig="$out/$where.kubeconfig" --provider=skeleton \
    --kubectl-path="$kubectl" --report-dir="$out/$where") >"$out/$where.log" 2>&1 || rc=$?
  say "$where: ginkgo exited $rc after $(($(date +%s) - t)) s (log: $out/$where.log)"
  [[ -s $out/$where.json ]] || die "ginkgo wrote no report for $where; see $out/$where.log"
}

wheres=()
case $on in both) wheres=(kubicle kind) ;; *) wheres=("$on") ;; esac
status=0
for where in "${wheres[@]}"; do
  create_cluster "$where"
  run_suite "$where"
  "$lib/report.sh" summary "$out" "$where" >&2 || status=1
  # One cluster at a time: the two would share the machine's cores and skew each other's timings.
  if ! $retain; then
    delete_cluster "${clusters[-1]}"
    unset 'clusters[-1]'
  fi
done
if [[ -n $doc ]]; then
  CONFORMANCE_FOCUS=${focus:-all} CONFORMANCE_SKIP=${skip:-none} "$lib/report.sh" markdown "$out" "${wheres[@]}" >"$doc"
  say "wrote $doc"
fi
say "reports in $out"
exit "$status"
