#!/usr/bin/env bash
# Times kubicle-junit5 as a build's test run meets it, each run a JVM of its own (the fixture classes of
# kubicle-junit5/src/test/.../fixtures/, run by its FixtureRunner, classes in parallel):
#   - a fresh 1-node cluster: milliseconds from JVM start to the first test, and the whole run of three test classes
#     sharing that cluster, its delete included;
#   - reuse: a run of one test class taking the cluster an earlier run left, against the same run without a cluster
#     (target: reuse adds at most 1 s).
# Prints a Markdown table and keeps it in bench/results/junit5-<UTC timestamp>.md; docs/benchmarks.md quotes it.
#
#   bench/junit5.sh               about 3 minutes with the defaults
#
# Settings from the environment (defaults in brackets):
#   BENCH_JUNIT5_ROUNDS [3]       fresh-cluster runs, and pairs of reusing and cluster-less runs
#   BENCH_JUNIT5_CLUSTER [junit-bench]  start of the clusters' names (-shared, -reused); pick another to keep away
#                                 from clusters of a test suite running beside the benchmark
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

readonly ROUNDS="${BENCH_JUNIT5_ROUNDS:-3}"
readonly CLUSTER="${BENCH_JUNIT5_CLUSTER:-junit-bench}"
readonly FIXTURES=dev.kubicle.junit5.fixtures
readonly WORK="$here/bench/work/junit5-$(date -u +%Y%m%d-%H%M%S)"
readonly RESULT="$here/bench/results/$(basename "$WORK").md"

say() { echo "bench-junit5: $*" >&2; }
die() { say "error: $*"; exit 1; }

if [[ "${1:-}" == -h || "${1:-}" == --help ]]; then
  sed -n '2,/^set /{/^#/s/^# \{0,1\}//p}' "$0"
  exit 0
fi
[[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || die "BENCH_JUNIT5_ROUNDS=$ROUNDS: give a whole number of at least 1"

# The test classes and their class path, compiled in place: nothing is installed into ~/.m2.
classpath() {
  say "compiling kubicle-junit5's tests (mvn test-compile dependency:build-classpath -pl kubicle-junit5 -am)"
  (cd "$here" && mvn -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench-classpath.txt -pl kubicle-junit5 -am) >&2
  local module="$here/kubicle-junit5"
  echo "$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench-classpath.txt")"
}

# run NAME CLASS...: one test run in a JVM of its own; prints its wall time in ms. The fixtures append
# "key value uptime-ms" lines to $WORK/NAME.out.
run() {
  local name=$1; shift
  local classes=() started ended
  for class in "$@"; do classes+=("$FIXTURES.$class"); done
  started=$(date +%s%N)
  java -cp "$cp" -Dfixture.out="$WORK/$name.out" -Dbench.cluster="$CLUSTER" -Dkubicle.junit.directory="$WORK" \
    "$FIXTURES.FixtureRunner" "${classes[@]}" >"$WORK/$name.log" 2>&1 \
    || die "run $name failed; see $WORK/$name.log"
  ended=$(date +%s%N)
  echo $(((ended - started) / 1000000))
}

# Reads numbers, one a line; prints their median.
median() {
  sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Reads milliseconds, one a line; prints "min / **median** / max" in seconds.
spread() {
  local values
  values=$(sort -n)
  awk -v lo="$(head -1 <<<"$values")" -v mid="$(median <<<"$values")" -v hi="$(tail -1 <<<"$values")" \
    'BEGIN { printf "%.2f / **%.2f** / %.2f", lo / 1000, mid / 1000, hi / 1000 }'
}

# row WHAT TARGET MET MS...: one line of the table.
row() {
  local what=$1 target=$2 met=$3
  shift 3
  echo "| $what | $(printf '%s\n' "$@" | spread) | $target | $met |"
}

on_exit() {
  local status=$?
  trap - EXIT INT TERM
  # A fresh run deletes its own cluster when it ends; the reused one is kept by design, so it goes here.
  for name in "$CLUSTER-shared" "$CLUSTER-reused"; do
    "$here/bin/kubicle" delete cluster --name "$name" -q >&2 || { say "error: delete $name by hand"; status=1; }
  done
  exit "$status"
}

"$here/scripts/ensure-engine.sh"
load_before=$(cut -d' ' -f1 /proc/loadavg)
mkdir -p "$WORK" "$(dirname "$RESULT")"
cp="$(classpath)"
trap on_exit EXIT
trap 'exit 130' INT TERM

first_tests=() shared_runs=()
for ((round = 1; round <= ROUNDS; round++)); do
  say "fresh cluster, round $round of $ROUNDS: three classes sharing it"
  ms=$(run "shared-$round" BenchFixtures\$SharingFirst BenchFixtures\$SharingSecond BenchFixtures\$SharingThird)
  shared_runs+=("$ms")
  [[ "$(cut -d' ' -f2 "$WORK/shared-$round.out" | sort -u | wc -l)" == 1 ]] \
    || die "round $round: the three classes did not share one cluster ($WORK/shared-$round.out)"
  first_tests+=("$(cut -d' ' -f3 "$WORK/shared-$round.out" | sort -n | head -1)")
done

say "reuse: a first run makes the cluster and keeps it"
creating_run=$(run reuse-0 BenchFixtures\$Reusing)
reusing_runs=() bare_runs=() overheads=()
for ((round = 1; round <= ROUNDS; round++)); do
  say "reuse, round $round of $ROUNDS: a run without a cluster, then one reusing it"
  bare=$(run "bare-$round" ReuseFixtures\$WithoutCluster)
  reusing=$(run "reuse-$round" BenchFixtures\$Reusing)
  [[ "$(cut -d' ' -f2 "$WORK/reuse-0.out" "$WORK/reuse-$round.out" | sort -u | wc -l)" == 1 ]] \
    || die "round $round: the reusing run got another cluster than the first run made"
  bare_runs+=("$bare") reusing_runs+=("$reusing") overheads+=($((reusing - bare)))
done

overhead=$(printf '%s\n' "${overheads[@]}" | median)
met=$(awk -v ms="$overhead" 'BEGIN { print (ms <= 1000) ? "yes" : "**no**" }')
{
  echo "Run of $(date -u +%Y-%m-%dT%H:%MZ), $ROUNDS rounds, node image of kubicle's default, $(nproc) cores, load" \
    "average $load_before at the start and $(cut -d' ' -f1 /proc/loadavg) at the end; each figure a JVM of its own."
  echo
  echo "| what | min / **median** / max (s) | target | met |"
  echo "|---|--:|---|---|"
  row "fresh 1-node cluster: first test, from JVM start" – – "${first_tests[@]}"
  row "three test classes sharing that cluster: the whole run, delete included" – – "${shared_runs[@]}"
  row "one test class making a cluster it keeps (first run)" – – "$creating_run"
  row "the same class again, reusing the cluster (later runs)" – – "${reusing_runs[@]}"
  row "the same run without any cluster" – – "${bare_runs[@]}"
  row "what reuse adds to a run (reusing − without, per round)" "≤ 1 s" "$met" "${overheads[@]}"
} | tee "$RESULT"
say "kept in $RESULT; logs in $WORK"
