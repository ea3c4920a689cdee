#!/usr/bin/env bash
# Reads the ginkgo JSON reports scripts/conformance.sh leaves in its output directory and sorts every [Conformance]
# spec into passed, failed, not runnable (it failed pulling an image that cannot be built here) and not run.
#
#   report.sh summary  OUT WHERE        counts and failures of one run (kubicle or kind) on standard output;
#                                       exit 1 when a spec failed for a reason not listed as a host limit
#   report.sh markdown OUT WHERE...     the side-by-side page (docs/conformance.md) of the runs given
#
# A failure's reason comes from known-reasons.tsv beside this script (spec pattern, kind of reason, explanation,
# found by looking into the failure) when a line matches, else from the failure message itself.
set -euo pipefail
readonly lib="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly REASONS=$lib/known-reasons.tsv

die() { echo "report.sh: error: $*" >&2; exit 1; }
[[ $# -ge 3 ]] || die "usage: report.sh summary|markdown OUT WHERE..."
mode=$1 out=$2
shift 2

# results <where>: one line per [Conformance] spec that the run chose: state, seconds, name, the image it could not
# pull (or "-"), the first line of its failure message; tab-separated.
results() {
  jq -r --rawfile available "$out/available-images.txt" --rawfile wanted "$out/e2e-images.txt" '
    ($available | split("\n") | map(select(length > 0))) as $have
    | ($wanted | split("\n") | map(select(length > 0))) as $suite
    | .[].SpecReports[]
    | select(.LeafNodeType == "It")
    | ((.ContainerHierarchyTexts // []) + [.LeafNodeText] | join(" ")) as $name
    | select($name | test("\\[Conformance\\]"))
    | select(.State != "skipped" and .State != "pending")
    | ((.Failure.Message // "") + "\n" + (.CapturedGinkgoWriterOutput // "")) as $text
    | (if .State != "passed" and ($text | test("ErrImagePull|ImagePullBackOff|failed to pull"))
       then ([$text | scan("(?:registry\\.k8s\\.io|gcr\\.io|docker\\.io)/[A-Za-z0-9._/-]+:[A-Za-z0-9._-]+")]
             | unique | map(select(. as $i | ($suite | index($i)) and ($have | index($i) | not))) | first // "-")
       else "-" end) as $missing
    | [(if $missing != "-" then "not-runnable" else .State end), ((.RunTime // 0) / 1e9 | floor), $name,
       $missing, ((.Failure.Message // "") | split("\n") | map(select(test("\\S"))) | first // "" | .[0:300])]
    | @tsv' "$out/$1.json"
}

# reason_for <spec name>: "<kind>\t<explanation>" of the first known-reasons.tsv line whose pattern matches, if any.
reason_for() {
  local pattern kind text
  [[ -f $REASONS ]] || return 0
  while IFS=$'\t' read -r pattern kind text; do
    [[ -z $pattern || $pattern == \#* ]] && continue
    if grep -qE -- "$pattern" <<<"$1"; then
      printf '%s\t%s\n' "$kind" "$text"
      return 0
    fi
  done <"$REASONS"
}

count() { awk -F'\t' -v s="$2" '$1 == s' <<<"$1" | grep -c . || true; }

summary() {
  local where=$1 lines state seconds name missing message reason unexplained=0
  lines=$(results "$where")
  echo "$where: $(count "$lines" passed) passed, $(count "$lines" failed) failed," \
    "$(count "$lines" not-runnable) not runnable (image missing), $(grep -c . <<<"$lines" || true) run"
  while IFS=$'\t' read -r state seconds name missing message; do
    case $state in
      passed) ;;
      not-runnable) echo "  NOT RUNNABLE ($missing): $name" ;;
      *)
        reason=$(reason_for "$name")
        echo "  ${state^^}: $name"
        if [[ -n $reason ]]; then echo "    ${reason/$'\t'/: }"; else echo "    $message"; fi
        [[ ${reason%%$'\t'*} == host ]] || unexplained=$((unexplained + 1))
        ;;
    esac
  done <<<"$lines"
  [[ $unexplained -eq 0 ]]
}

# The markdown page: counts side by side, then every spec that did not pass somewhere, then the specs not run.
markdown() {
  local where name all ran
  declare -A lines
  for where in "$@"; do lines[$where]=$(results "$where"); done
  all=$(jq -r '.[].SpecReports[] | select(.LeafNodeType == "It")
    | ((.ContainerHierarchyTexts // []) + [.LeafNodeText] | join(" ")) | select(test("\\[Conformance\\]"))' \
    "$out/all-conformance.json" | sort -u)
  ran=$(for where in "$@"; do cut -f 3 <<<"${lines[$where]}"; done | sort -u)
  cat <<EOF
# Conformance tests

Kubernetes' own conformance tests (the \`[Conformance]\` specs of \`e2e.test\`, at the node image's version) against a
kubicle cluster of one control plane and two workers, and against a kind cluster of the same shape made from the
same node image. Written by \`scripts/conformance.sh\` on $(date -u +%Y-%m-%d); the suite and every image the tests
run are built on this machine (see [Running them](#running-them)).

The suite has $(grep -c . <<<"$all") \`[Conformance]\` specs; this run chose $(grep -c . <<<"$ran") of them
(focus \`${CONFORMANCE_FOCUS:-all}\`, skip \`${CONFORMANCE_SKIP:-none}\`).

| | $(printf '%s | ' "$@")
| --- | $(printf -- '--- | %.0s' "$@")
EOF
  local state
  for state in passed failed not-runnable; do
    printf '| %s | ' "$state"
    for where in "$@"; do printf '%s | ' "$(count "${lines[$where]}" "$state")"; done
    echo
  done
  printf '| other (timed out, panicked, interrupted) | '
  for where in "$@"; do
    printf '%s | ' "$(awk -F'\t' '$1 != "passed" && $1 != "failed" && $1 != "not-runnable"' <<<"${lines[$where]}" \
      | grep -c . || true)"
  done
  echo
  printf '| time the specs took | '
  for where in "$@"; do printf '%s s | ' "$(jq '[.[].RunTime] | add / 1e9 | floor' "$out/$where.json")"; done
  echo
  echo
  echo "## Specs that did not pass"
  echo
  printf '| spec | %s reason |\n| --- | %s--- |\n' "$(printf '%s | ' "$@")" "$(printf -- '--- | %.0s' "$@")"
  while IFS= read -r name; do
    [[ -n $name ]] || continue
    local row="" bad=false reason="" entry
    for where in "$@"; do
      entry=$(awk -F'\t' -v n="$name" '$3 == n' <<<"${lines[$where]}" | head -n 1)
      if [[ -z $entry ]]; then row+="not run | "; continue; fi
      IFS=$'\t' read -r st _ _ missing message <<<"$entry"
      [[ $st == passed ]] || bad=true
      case $st in
        not-runnable) row+="not runnable | "; reason=${reason:-"image \`$missing\` is not built here"} ;;
        passed) row+="passed | " ;;
        *) row+="$st | "; reason=${reason:-$(reason_for "$name" | cut -f 2)}; reason=${reason:-$message} ;;
      esac
    done
    $bad && printf '| %s | %s%s |\n' "${name//|/\\|}" "$row" "${reason//|/\\|}"
  done <<<"$ran"
  echo
  # What no run can tell: how the numbers were made, what they cost, what the host cannot do.
  cat "$lib/notes.md"
}

case $mode in
  summary) summary "$1" ;;
  markdown) markdown "$@" ;;
  *) die "unknown mode '$mode'" ;;
esac
