#!/usr/bin/env bash
# The fault suite with figures (issue 10): every fault case against the real engine, through bin/kubicle, then the
# end-to-end test ClusterE2EIT again and again; the figures go to docs/reliability.md. FaultsIT runs the quick
# cases in CI; this script adds the long ones (Ctrl-C and SIGKILL at every step of a create, an engine restart) and
# the repeats.
#
#   scripts/reliability.sh
#
# Settings from the environment (defaults in brackets):
#   REPEAT [10]         runs of ClusterE2EIT (0: none)
#   STEPS_ONLY          interrupt the creates at this step only, not at every step (trial runs)
#   RACES [3]           rounds of two creates of one name at once
#   SKIP_RESTART        set to 1 to leave out the engine restart; it is also left out while containers that are not
#                       this run's are running, since a restart stops them
#   REPORT [docs/reliability.md]   the file whose block between the reliability markers is rewritten
#
# Every cluster is named rel-*, and KUBECONFIG names a file of the run's own: the user's kubeconfig is never
# touched. At exit, however the run ends, every rel-* cluster is deleted. Exit status 1 when any case or run failed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

readonly REPEAT="${REPEAT:-10}"
readonly RACES="${RACES:-3}"
readonly REPORT="${REPORT:-$here/docs/reliability.md}"
readonly KUBICLE="$here/bin/kubicle"
readonly E2E_CLUSTER=e2e-basic
readonly STEP_TIMEOUT_SECONDS=600
work=$(mktemp -d /tmp/kubicle-reliability.XXXXXX)
readonly work results="$work/results.tsv"
export KUBECONFIG="$work/kubeconfig"
started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
background=()

say() { echo "reliability $(date -u +%H:%M:%S): $*" >&2; }

# shellcheck source=scripts/reliability-lib.sh
source "$here/scripts/reliability-lib.sh"

cleanup() {
  local pid names
  for pid in "${background[@]}"; do
    kill -KILL "$pid" 2>/dev/null || true
  done
  names=$(run_clusters)
  # shellcheck disable=SC2086 # one word per cluster
  [[ -z "$names" ]] || "$KUBICLE" delete clusters -q $names >&2 || say "could not delete $names"
  rm -rf "$work"
}
trap cleanup EXIT

# Starts a verbose create of cluster $2 ($1: see start_create) and waits until it starts step $3, whose title it
# puts in `title`. Fails when the create ended before that step: the sweep is then over; a create that failed on its
# own is recorded under case $4, and one that finished is removed.
stopped_create() {
  local topology=$1 name=$2 step=$3 log="$work/$2.log"
  start_create "$log" "$topology" "$name" -v
  if title=$(await_step "${background[-1]}" "$log" "$step"); then
    return 0
  fi
  kill -KILL "${background[-1]}" 2>/dev/null || true
  wait_all
  if [[ $exit_codes != 0 ]]; then
    record "$4" "step $step" no "$(leftovers "$name")" \
      "exit $exit_codes before step $step: $(grep -m1 '^ERROR: ' "$log" | plain)"
  fi
  remove_cluster "$name"
  return 1
}

# SIGINT, as Ctrl-C sends it, at the start of step $3: exit 130 and nothing left. At the last step the create may
# have finished before the signal took effect; that is recorded apart, as "late".
interrupt_case() {
  local topology=$1 name=$2 step=$3 case="ctrl-c-$1" title landed left problems=()
  stopped_create "$topology" "$name" "$step" "$case" || return 1
  kill -INT "${background[-1]}" 2>/dev/null || true
  wait_all
  left=$(leftovers "$name")
  landed=$(grep -m1 '^ERROR: ' "$work/$name.log" | plain || true)
  if [[ $exit_codes == 0 ]]; then
    record "$case" "step $step: $title" late "$left" "the create had ended before the signal"
  else
    [[ $exit_codes == 130 ]] || problems+=("exit $exit_codes: $landed")
    verdict "$case" "step $step: $title" "$left" "exit 130; $landed" "${problems[@]}"
  fi
  remove_cluster "$name"
}

# SIGKILL at the start of step $3: the next create must name the half-made cluster, and delete remove all of it.
kill_case() {
  local topology=$1 name=$2 step=$3 title again code=0 problems=()
  stopped_create "$topology" "$name" "$step" kill || return 1
  kill -KILL "${background[-1]}" 2>/dev/null || true
  wait_all
  again=$("$KUBICLE" create cluster --name "$name" 2>&1) || code=$?
  [[ $code -eq 2 && $again == *"\"$name\" already exists"* && $again == *"kubicle delete cluster --name $name"* ]] \
    || problems+=("create again: exit $code, $(plain <<<"$again" | tail -1)")
  code=0
  "$KUBICLE" delete cluster -q --name "$name" 2>"$work/$name.delete" || code=$?
  [[ $code -eq 0 ]] || problems+=("delete: exit $code, $(plain <"$work/$name.delete" | tail -1)")
  verdict kill "step $step: $title" "$(leftovers "$name")" "create again refused it (exit 2); delete exit 0" \
    "${problems[@]}"
}

# Runs case $1 for topology $2 at step 1, 2, ... until a create ends before the step; or at STEPS_ONLY alone.
each_step() {
  local case=$1 topology=$2 prefix=$3 step
  if [[ -n "${STEPS_ONLY:-}" ]]; then
    "$case" "$topology" "$prefix-$STEPS_ONLY" "$STEPS_ONLY" || true
    return 0
  fi
  for ((step = 1; ; step++)); do
    "$case" "$topology" "$prefix-$step" "$step" || return 0
  done
}

# Two creates of one name at once: one wins and is whole, the other fails in one line and removes nothing of it.
race_case() {
  local round name=rel-race loser problems
  for ((round = 1; round <= RACES; round++)); do
    problems=()
    start_create "$work/race-a.log" 1 "$name"
    start_create "$work/race-b.log" 1 "$name"
    wait_all
    case "$exit_codes" in
      "0 2") loser="$work/race-b.log" ;;
      "2 0") loser="$work/race-a.log" ;;
      *) loser=""; problems+=("exit codes $exit_codes, not one 0 and one 2") ;;
    esac
    if [[ -n $loser ]] && ! [[ $(wc -l <"$loser") -eq 1 && $(head -1 "$loser") == "ERROR: a cluster named"* ]]; then
      problems+=("the loser said: $(plain <"$loser" | tr '\n' ' ')")
    fi
    whole "$name" >"$work/whole" || problems+=("the winner is not whole: $(cat "$work/whole")")
    remove_cluster "$name"
    verdict race "round $round" "$(leftovers "$name")" "exit codes $exit_codes; the winner whole" "${problems[@]}"
  done
}

# Several one-node clusters created at once, all merging into the one kubeconfig: no entry may be lost.
parallel_case() {
  local names=(rel-many-1 rel-many-2 rel-many-3) name codes problems=() left=()
  for name in "${names[@]}"; do
    start_create "$work/$name.log" 1 "$name"
  done
  wait_all
  codes=$exit_codes
  [[ $codes == "0 0 0" ]] || problems+=("exit codes $codes")
  for name in "${names[@]}"; do
    whole "$name" >"$work/whole" || problems+=("$name: $(cat "$work/whole")")
  done
  grep -q 'name: elsewhere' "$KUBECONFIG" || problems+=("the foreign entry is gone")
  for name in "${names[@]}"; do
    remove_cluster "$name"
    [[ $(leftovers "$name") == nothing ]] || left+=("$name: $(leftovers "$name")")
  done
  verdict parallel "${#names[@]} one-node clusters" "$(IFS=';'; echo "${left[*]:-nothing}")" \
    "exit codes $codes; every context answers; the foreign entry kept" "${problems[@]}"
}

# A kubeconfig kubicle cannot use ($2: what is wrong with it): one clear line, the file left byte for byte, nothing
# made.
kubeconfig_case() {
  local variant=$1 dir="$work/kubeconfig-$2" name=rel-unusable code=0 before problems=()
  mkdir -p "$dir"
  case "$2" in
    yaml) printf 'clusters: [unclosed\n' >"$dir/kubeconfig" ;;
    binary) printf '\377\376\000binary' >"$dir/kubeconfig" ;;
    shape) printf 'apiVersion: v1\nkind: Config\nclusters: 7\n' >"$dir/kubeconfig" ;;
    directory) mkdir "$dir/kubeconfig" ;;
  esac
  before=$(state_of "$dir")
  KUBECONFIG="$dir/kubeconfig" "$KUBICLE" create cluster --name "$name" 2>"$dir.err" || code=$?
  [[ $code -ne 0 && $(wc -l <"$dir.err") -eq 1 && $(head -1 "$dir.err") == "ERROR: "*"$dir/kubeconfig"* ]] \
    || problems+=("exit $code: $(plain <"$dir.err" | tr '\n' ' ')")
  [[ $(state_of "$dir") == "$before" ]] || problems+=("the file or its directory changed")
  verdict kubeconfig "$variant" "$(leftovers "$name")" "exit $code: $(plain <"$dir.err")" "${problems[@]}"
  remove_cluster "$name"
}

# dockerd restarted while a create starts the control plane, with another cluster running (as a user's would be),
# which makes the engine take seconds to stop: one clear line, nothing left once the engine is back, and the other
# cluster running again.
restart_case() {
  local name=rel-restart bystander=rel-bystander log="$work/rel-restart.log" others problems=()
  others=$(foreign_containers)
  if [[ -n "${SKIP_RESTART:-}" ]]; then
    record restart "during Starting control-plane" skip "" "left out (SKIP_RESTART=$SKIP_RESTART)"
    return 0
  elif [[ $others -gt 0 ]]; then
    record restart "during Starting control-plane" skip "" "left out: $others containers of others were running"
    return 0
  fi
  "$KUBICLE" create cluster -q --no-kubernetes --name "$bystander" || problems+=("the other cluster was not made")
  start_create "$log" 1+2 "$name"
  await_output "${background[-1]}" "$log" "✓ Writing configuration" || problems+=("the create ended early")
  "$here/scripts/ensure-engine.sh" --restart >>"$work/engine.log" 2>&1 || problems+=("the engine did not restart")
  wait_all
  [[ $exit_codes != 0 ]] || problems+=("the create succeeded")
  [[ $(grep -c '^ERROR: ' "$log") -eq 1 ]] || problems+=("$(grep -c '^ERROR: ' "$log") ERROR lines")
  ! grep -qE '^\s+at |Exception' "$log" || problems+=("a stack trace or exception name in the output")
  # Nodes that were running come back with the engine (restart policy): they would be, by now.
  sleep 10
  docker ps -q --filter "name=^$bystander-control-plane\$" | grep -q . || problems+=("the other cluster is not running")
  verdict restart "during Starting control-plane" "$(leftovers "$name")" \
    "exit $exit_codes: $(grep -m1 '^ERROR: ' "$log" | plain); the other cluster running again" "${problems[@]}"
  remove_cluster "$name"
  remove_cluster "$bystander"
}

# ClusterE2EIT, as scripts/test.sh runs it, REPEAT times; a run of someone else's (same cluster name) is waited for.
e2e_runs() {
  local run code began
  for ((run = 1; run <= REPEAT; run++)); do
    if ! await_no_cluster "$E2E_CLUSTER"; then
      record e2e "run $run" no "" "not run: cluster $E2E_CLUSTER of someone else's stayed"
      continue
    fi
    began=$SECONDS
    code=0
    mvn -B verify -pl kubicle-cli -am -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ClusterE2EIT \
      -Dfailsafe.failIfNoSpecifiedTests=false >"$work/e2e-$run.log" 2>&1 || code=$?
    if [[ $code -eq 0 ]]; then
      record e2e "run $run" yes "" "$((SECONDS - began)) s"
    else
      cp "$work/e2e-$run.log" "$here/kubicle-cli/target/reliability-e2e-$run.log"
      record e2e "run $run" no "" "$((SECONDS - began)) s; $(failed_tests "$work/e2e-$run.log")"
    fi
  done
}

"$KUBICLE" version >/dev/null
KUBECTL=$(kubectl_binary)
readonly KUBECTL
# Someone else's entry, which kubicle must keep while it adds and removes its own.
cp "$here/kubicle-cli/src/test/resources/foreign-kubeconfig.yaml" "$KUBECONFIG"
cat >"$work/one-plus-two.yaml" <<'EOF'
kind: Cluster
apiVersion: kind.x-k8s.io/v1alpha4
nodes:
- role: control-plane
- role: worker
- role: worker
EOF
: >"$results"
say "work directory $work"
each_step interrupt_case 1 rel-int-1
each_step interrupt_case 1+2 rel-int-3
each_step kill_case 1+2 rel-kill
race_case
parallel_case
kubeconfig_case "not YAML" yaml
kubeconfig_case "not UTF-8 text" binary
kubeconfig_case "YAML, not a kubeconfig" shape
kubeconfig_case "a directory, not a file" directory
restart_case
e2e_runs
"$here/scripts/reliability-report.sh" "$results" "$started" \
  "REPEAT=$REPEAT, RACES=$RACES, STEPS_ONLY=${STEPS_ONLY:-unset (every step)}, SKIP_RESTART=${SKIP_RESTART:-unset}" \
  "$REPORT"
! cut -f3 "$results" | grep -qx no
