# Helpers of scripts/reliability.sh, which sources this file after setting KUBICLE, KUBECONFIG, work, results and
# the background array: starting and watching creates, judging what a case left behind, and recording results.
# shellcheck shell=bash

# Appends one tried case to the results: case, variant, outcome (yes, no, late or skip), left behind, what happened.
record() {
  printf '%s\t%s\t%s\t%s\t%s\n' "$@" >>"$results"
  say "$1 / $2: $3 (left behind: ${4:-n/a}) $5"
}

# Records case $1, variant $2 as passed when nothing was left ($3) and no problem ($5...) was found; $4 says what
# a pass looked like.
verdict() {
  local case=$1 variant=$2 left=$3 passed=$4
  shift 4
  if [[ $# -eq 0 && $left == nothing ]]; then
    record "$case" "$variant" yes "$left" "$passed"
  else
    record "$case" "$variant" no "$left" "$(IFS=';'; echo "${*:-left behind: $left}")"
  fi
}

# Text fit for one table cell: ASCII only (the steps' emoji go, and the spaces they leave before a closing quote),
# one space between words, no " ..." at the end.
plain() {
  LC_ALL=C sed -E 's/[^ -~]//g; s/ +/ /g; s/ +"([^A-Za-z0-9]|$)/"\1/g; s/^ +//; s/ *\.\.\.$//; s/ +$//'
}

# What is left of cluster $1: its containers, volumes and networks on the engine, and its kubeconfig context.
leftovers() {
  local label="label=dev.kubicle.cluster=$1" count left=()
  count=$(docker ps -aq --filter "$label" | wc -l)
  [[ $count -eq 0 ]] || left+=("$count containers")
  count=$(docker volume ls -q --filter "$label" | wc -l)
  [[ $count -eq 0 ]] || left+=("$count volumes")
  count=$(docker network ls -q --filter "$label" | wc -l)
  [[ $count -eq 0 ]] || left+=("$count networks")
  ! grep -qE "(^| )kubicle-$1\$" "$KUBECONFIG" || left+=("its kubeconfig entry")
  (IFS=','; echo "${left[*]:-nothing}")
}

# The names of every rel-* cluster with anything on the engine.
run_clusters() {
  {
    docker ps -a --format '{{.Label "dev.kubicle.cluster"}}'
    docker volume ls --format '{{.Label "dev.kubicle.cluster"}}'
    docker network ls --format '{{.Label "dev.kubicle.cluster"}}'
  } | grep '^rel-' | sort -u || true
}

# Running containers that are not this run's: another engineer's clusters or tests.
foreign_containers() {
  docker ps --format '{{.Label "dev.kubicle.cluster"}}' | grep -vc '^rel-' || true
}

remove_cluster() {
  "$KUBICLE" delete cluster -q --name "$1" >&2 || say "could not delete cluster $1"
}

# Starts `create cluster` of cluster $3 in the background, its output in file $1; $2 is 1 (one node) or 1+2 (a
# control plane and two workers); more arguments go to the create. Its pid is the last of the background array.
# SIGINT keeps its default action: a shell without job control starts background commands with SIGINT ignored, and
# the JVM then never sees a Ctrl-C.
start_create() {
  local log=$1 topology=$2 name=$3
  shift 3
  local config=()
  [[ $topology == 1 ]] || config=(--config "$work/one-plus-two.yaml")
  # Made here, not by the redirection below, which may come after the watcher's first look.
  : >"$log"
  env --default-signal=INT "$KUBICLE" create cluster "$@" "${config[@]}" --name "$name" >/dev/null 2>"$log" &
  background+=("$!")
}

# Waits until file $2 holds text $3 while process $1 runs; fails when it ends or STEP_TIMEOUT_SECONDS pass first.
await_output() {
  local pid=$1 log=$2 text=$3 deadline=$((SECONDS + STEP_TIMEOUT_SECONDS))
  until grep -qF "$text" "$log"; do
    kill -0 "$pid" 2>/dev/null && [[ $SECONDS -lt $deadline ]] || return 1
    sleep 0.05
  done
}

# Waits until the verbose create $1 writing to $2 starts its step $3 (its " • TITLE ..." line) and prints the title;
# fails when the create ends first or STEP_TIMEOUT_SECONDS pass.
await_step() {
  local pid=$1 log=$2 step=$3 deadline=$((SECONDS + STEP_TIMEOUT_SECONDS)) title
  while true; do
    title=$(grep '^ • ' "$log" | sed -n "${step}p")
    if [[ -n $title ]]; then
      plain <<<"$title"
      return 0
    fi
    kill -0 "$pid" 2>/dev/null && [[ $SECONDS -lt $deadline ]] || return 1
    sleep 0.05
  done
}

# Waits for every background create and sets exit_codes to their exit codes, in the order they started. (Not
# printed: a command substitution runs in a subshell, which cannot wait for its parent's children.)
wait_all() {
  local pid code codes=()
  for pid in "${background[@]}"; do
    code=0
    # Quiet: the shell would report a killed job on its standard error.
    wait "$pid" 2>/dev/null || code=$?
    codes+=("$code")
  done
  background=()
  exit_codes="${codes[*]}"
}

# The kubectl that kubicle's node image build made, of the default node image's Kubernetes version.
kubectl_binary() {
  local version binary
  version=$("$KUBICLE" create cluster --dry-run | grep -om1 'kubicle/node:v[0-9.]*' | cut -d: -f2)
  binary="${XDG_CACHE_HOME:-$HOME/.cache}/kubicle/components/$version/bin/kubectl"
  if [[ ! -x $binary ]]; then
    say "no kubectl at $binary: build the node image first (bin/kubicle build node-image)"
    exit 1
  fi
  echo "$binary"
}

# Succeeds when cluster $1 is whole: one network, its control plane running, every node Ready through its context.
whole() {
  local label="label=dev.kubicle.cluster=$1" ready
  [[ $(docker network ls -q --filter "$label" | wc -l) -eq 1 ]] || { echo "not one network"; return 1; }
  docker ps -q --filter "$label" --filter "name=^$1-control-plane\$" | grep -q . || {
    echo "no running control plane"; return 1; }
  ready=$("$KUBECTL" --context "kubicle-$1" get nodes \
    -o 'jsonpath={.items[*].status.conditions[?(@.type=="Ready")].status}' 2>&1) || true
  [[ -n $ready && $ready != *False* && $ready != *Unknown* && $ready != *rror* ]] || {
    echo "nodes not Ready: $ready"; return 1; }
}

# Every file and directory under $1 with a checksum of its content: equal output means nothing changed.
state_of() {
  (cd "$1" && find . -printf '%p %y %s %m\n' | sort && find . -type f -exec md5sum {} + | sort)
}

# Waits up to half an hour while cluster $1 exists: the end-to-end test deletes a cluster of its name before it
# starts, and on a shared engine that one may be another engineer's run.
await_no_cluster() {
  local deadline=$((SECONDS + 1800))
  while docker ps -aq --filter "label=dev.kubicle.cluster=$1" | grep -q .; do
    [[ $SECONDS -lt $deadline ]] || { say "cluster $1 of someone else's is still there"; return 1; }
    sleep 10
  done
}

# The failed tests a Maven log names, on one line.
failed_tests() {
  grep -E '^\[ERROR\] +[A-Za-z0-9]+IT\.' "$1" | sed 's/^\[ERROR\] *//' | cut -c1-200 | sort -u | paste -sd';' \
    || echo "see the Maven log"
}
