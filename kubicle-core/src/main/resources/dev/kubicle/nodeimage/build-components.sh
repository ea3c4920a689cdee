#!/usr/bin/env bash
# Builds the Kubernetes components of kubicle's offline node image from source,
# fetching everything through the Go module proxy (no container registry needed).
#
#   build-components.sh <kubernetes-version, e.g. v1.37.2> <output-dir>
#
# Produces in <output-dir>:
#   bin/          static linux/amd64 binaries: kubeadm kubelet kubectl kube-apiserver
#                 kube-controller-manager kube-scheduler kube-proxy etcd coredns pause
#                 local-path-provisioner
#   images.txt    `kubeadm config images list` for that version (image names and tags)
#   versions.env  the versions of everything built, as shell assignments
#   logs/         one build log per component
#
# Each binary is rebuilt only when it is missing or when its recorded inputs (its version,
# this script's hash and the Go version) changed. Go's module and build caches are used
# where Go keeps them by default, so a second run of a new version is also much faster.
#
# Environment knobs (all optional):
#   GO                              go command to use (default: go on PATH, else /usr/local/go/bin/go)
#   GOTOOLCHAIN                     default "local"; when a module needs a newer Go than the
#                                   local one, that toolchain is requested from the module proxy
#   KUBE_GIT_COMMIT                 commit recorded in the Kubernetes version info (the module
#                                   proxy does not tell it; default: 40 zeros)
#   LOCAL_PATH_PROVISIONER_VERSION  default v0.0.30
set -Eeuo pipefail

readonly SCRIPT_NAME=build-components.sh
readonly K8S_BINARIES=(kubeadm kubelet kubectl kube-apiserver kube-controller-manager kube-scheduler kube-proxy)
# Every binary, in the order they are built; "n of m" in the lines saying what is built counts through it.
readonly COMPONENTS=("${K8S_BINARIES[@]}" etcd coredns pause local-path-provisioner)
# Build tags and flags of the upstream release build (hack/lib/golang.sh): SELinux support in
# the kubelet, no test-only code paths, and no gRPC tracing (lets the linker drop x/net/trace).
readonly K8S_TAGS=selinux,notest,grpcnotrace
readonly LOCAL_PATH_PROVISIONER_VERSION=${LOCAL_PATH_PROVISIONER_VERSION:-v0.0.30}

die() {
  echo "$SCRIPT_NAME: error: $*" >&2
  exit 1
}

# announce <what>: says what the build starts now; kubicle shows these lines while it waits for the build.
announce() {
  echo "$SCRIPT_NAME: $*"
}

usage() {
  echo "usage: $SCRIPT_NAME <kubernetes-version, e.g. v1.37.2> <output-dir>" >&2
  exit 2
}

[[ $# -eq 2 ]] || usage
KUBE_VERSION=$1
OUT=$2
[[ $KUBE_VERSION =~ ^v1\.([0-9]+)\.([0-9]+)(-[0-9A-Za-z.-]+)?$ ]] \
  || die "'$KUBE_VERSION' is not a Kubernetes version like v1.37.2"
KUBE_MINOR=${BASH_REMATCH[1]}
# Staging modules (k8s.io/api, k8s.io/client-go, ...) are published as v0.<minor>.<patch>.
STAGING_VERSION=v0${KUBE_VERSION#v1}

GO=${GO:-$(command -v go || true)}
[[ -n $GO ]] || GO=/usr/local/go/bin/go
[[ -x $GO ]] || die "no Go toolchain found: put go on PATH or set GO=/path/to/go"
command -v gcc >/dev/null || die "gcc is needed for the static pause binary (apt-get install gcc libc6-dev)"
command -v sha256sum >/dev/null || die "sha256sum (coreutils) is needed"

mkdir -p "$OUT" || die "cannot create output directory $OUT"
OUT=$(cd "$OUT" && pwd)
readonly BIN=$OUT/bin WORK=$OUT/.work STAMPS=$OUT/.stamps LOGS=$OUT/logs
mkdir -p "$BIN" "$WORK" "$STAMPS" "$LOGS"

# One build per output directory at a time: a second caller waits, then finds the cache warm.
if command -v flock >/dev/null; then
  exec 9>"$OUT/.lock"
  if ! flock -n 9; then
    echo "$SCRIPT_NAME: another build is using $OUT, waiting for it" >&2
    flock 9
  fi
fi

export CGO_ENABLED=0 GOOS=linux GOARCH=amd64 GOWORK=off GOFLAGS=-buildvcs=false
export GOTOOLCHAIN=${GOTOOLCHAIN:-local}
unset GOBIN

SCRIPT_HASH=$(sha256sum "${BASH_SOURCE[0]}" | cut -c1-64)
LOCAL_GO_VERSION=$(GOTOOLCHAIN=local "$GO" env GOVERSION) || die "'$GO env GOVERSION' failed"
readonly SCRIPT_HASH LOCAL_GO_VERSION

START=$(date +%s)
BUILT=0
CACHED=0
CURRENT=setup
CURRENT_LOG=

on_error() {
  local rc=$? line=$1
  echo "$SCRIPT_NAME: FAILED while building $CURRENT (exit $rc at line $line) after $(($(date +%s) - START))s" >&2
  if [[ -n $CURRENT_LOG && -s $CURRENT_LOG ]]; then
    echo "---- last lines of $CURRENT_LOG ----" >&2
    tail -n 40 "$CURRENT_LOG" >&2
  fi
  exit 1
}
trap 'on_error $LINENO' ERR

# progress <name> <version> <built|cached|skipped> <seconds> [note]
progress() {
  printf '%-24s %-10s %-8s %5ss%s\n' "$1" "$2" "$3" "$4" "${5:+  ($5)}"
}

# The inputs a binary is built from; a binary whose stamp holds other inputs is rebuilt.
inputs_of() {
  printf 'component=%s\nversion=%s\nscript=%s\n' "$1" "$2" "$SCRIPT_HASH"
}

is_fresh() {
  [[ -x $BIN/$1 && -f $STAMPS/$1 ]] && [[ "$(cat "$STAMPS/$1")" == "$(inputs_of "$1" "$2")" ]]
}

mark_built() {
  inputs_of "$1" "$2" >"$STAMPS/$1"
}

# Prints the value of "Key" from `go mod download -json` output on stdin.
json_field() {
  sed -n "s/^[[:space:]]*\"$1\": \"\\(.*\\)\",\\{0,1\\}\$/\\1/p" | head -n 1
}

# download <module@version> <log>: fetches a module into the module cache and prints its
# directory, go.mod path and publish time (RFC 3339), one per line.
download() {
  local json
  json=$("$GO" mod download -json "$1" 2>>"$2") || {
    echo "$json" >>"$2"
    return 1
  }
  echo "$json" >>"$2"
  if grep -q '"Error"' <<<"$json"; then
    return 1
  fi
  json_field Dir <<<"$json"
  json_field GoMod <<<"$json"
  sed -n 's/.*"Time":"\([^"]*\)".*/\1/p' "$(json_field Info <<<"$json")"
}

# Prints the toolchain a module's go.mod needs here: "local" if the installed Go is new
# enough, else the go/toolchain version it names (which the go command then fetches).
toolchain_for() {
  local gomod=$1 need have
  need=$(sed -n 's/^toolchain go\([0-9.]*\).*/\1/p; s/^go \([0-9.]*\)[[:space:]]*$/\1/p' "$gomod" | sort -V | tail -n 1)
  have=${LOCAL_GO_VERSION#go}
  have=${have%%[-+ ]*}
  [[ $need =~ ^[0-9]+\.[0-9]+$ ]] && need=$need.0
  if [[ -z $need || $(printf '%s\n%s\n' "$need" "$have" | sort -V | tail -n 1) == "$have" ]]; then
    echo "${GOTOOLCHAIN}"
  else
    echo "go$need"
  fi
}

# write_wrapper <dir> <go.mod body>: a throwaway main module that pins what we build.
# go.mod starts afresh on every build so that nothing left from an earlier run can change the
# versions selected; go.sum is kept (extra lines are harmless and save checksum look-ups).
write_wrapper() {
  local dir=$1 body=$2
  mkdir -p "$dir"
  printf '%s\n' "$body" >"$dir/go.mod"
}

# go_build <dir> <toolchain> <output> <package> [go build flags...]
go_build() {
  local dir=$1 toolchain=$2 output=$3 pkg=$4
  shift 4
  (
    cd "$dir"
    GOTOOLCHAIN=$toolchain "$GO" build -trimpath -o "$BIN/.$output.tmp" "$@" "$pkg"
  ) >>"$CURRENT_LOG" 2>&1
  mv -f "$BIN/.$output.tmp" "$BIN/$output"
}

# check_built_from <binary> <module> <version>: the module versions recorded in the binary
# must be the ones asked for (a plain `go get pkg` would have silently upgraded them).
check_built_from() {
  local got
  got=$("$GO" version -m "$BIN/$1" | awk -v m="$2" '($1 == "mod" || $1 == "dep") && $2 == m { v = $3 } $1 == "=>" && $2 == m { v = $3 } END { print v }')
  if [[ $got != "$3" ]]; then
    echo "$BIN/$1 was built from $2 ${got:-(not found)}, expected $3" >>"$CURRENT_LOG"
    rm -f "$BIN/$1" "$STAMPS/$1"
    false
  fi
}

begin() {
  CURRENT=$1
  CURRENT_LOG=$LOGS/$1.log
  : >"$CURRENT_LOG"
  STEP_START=$(date +%s)
  local i
  for i in "${!COMPONENTS[@]}"; do
    if [[ ${COMPONENTS[i]} == "$1" ]]; then
      announce "building $1 ($((i + 1)) of ${#COMPONENTS[@]})"
    fi
  done
}

finish() {
  mark_built "$1" "$2"
  BUILT=$((BUILT + 1))
  progress "$1" "$2" built $(($(date +%s) - STEP_START)) "${3-}"
}

# ---------------------------------------------------------------------------------------
# Kubernetes itself: k8s.io/kubernetes requires every staging module at v0.0.0 and replaces
# it with a directory that is not in the module zip, so a wrapper module replaces each one
# with its published v0.<minor>.<patch> instead. The staging list changes between versions
# and is read from that version's own go.mod.

build_kubernetes() {
  local stale=() name
  for name in "${K8S_BINARIES[@]}"; do
    if is_fresh "$name" "$KUBE_VERSION"; then
      CACHED=$((CACHED + 1))
      progress "$name" "$KUBE_VERSION" cached 0
    else
      stale+=("$name")
    fi
  done
  [[ ${#stale[@]} -gt 0 ]] || return 0

  begin kubernetes-module
  announce "fetching k8s.io/kubernetes $KUBE_VERSION and resolving its dependencies"
  local info dir gomod time
  info=$(download "k8s.io/kubernetes@$KUBE_VERSION" "$CURRENT_LOG") \
    || die "k8s.io/kubernetes@$KUBE_VERSION is not available from the Go module proxy (see $CURRENT_LOG)"
  { read -r dir; read -r gomod; read -r time || true; } <<<"$info"
  K8S_DIR=$dir

  local staging replaces="" module godirective godebug toolchain
  staging=$(sed -n 's#^[[:space:]]*\(k8s\.io/[^[:space:]]*\)[[:space:]]*=>[[:space:]]*\./staging/.*#\1#p' "$gomod")
  [[ -n $staging ]] || die "no staging replace directives found in $gomod"
  for module in $staging; do
    replaces+=$'\t'"$module => $module $STAGING_VERSION"$'\n'
  done
  godirective=$(sed -n 's/^go \([0-9.]*\).*/\1/p' "$gomod")
  godebug=$(grep '^godebug ' "$gomod" || true)
  toolchain=$(toolchain_for "$gomod")

  write_wrapper "$WORK/kubernetes" "module kubicle.invalid/kubernetes-components

go $godirective
${godebug}

require k8s.io/kubernetes $KUBE_VERSION

replace (
${replaces})"

  local pkgs=()
  for name in "${stale[@]}"; do pkgs+=("k8s.io/kubernetes/cmd/$name@$KUBE_VERSION"); done
  (cd "$WORK/kubernetes" && GOTOOLCHAIN=$toolchain "$GO" get "${pkgs[@]}") >>"$CURRENT_LOG" 2>&1 \
    || die "resolving the dependencies of k8s.io/kubernetes@$KUBE_VERSION failed (see $CURRENT_LOG)"
  progress "(k8s.io/kubernetes deps)" "$KUBE_VERSION" resolved $(($(date +%s) - STEP_START)) "$(echo "$staging" | wc -l) staging modules at $STAGING_VERSION"

  # Version info as the release build sets it (hack/lib/version.sh), for both version
  # packages: kubeadm parses gitVersion and refuses the default "v0.0.0-master+$Format..".
  local build_date commit ldflags="-s -w" key value
  build_date=$(date -u -d "$time" +%Y-%m-%dT%H:%M:%SZ)
  commit=${KUBE_GIT_COMMIT:-0000000000000000000000000000000000000000}
  for key in gitVersion gitMajor gitMinor gitCommit gitTreeState buildDate; do
    case $key in
      gitVersion) value=$KUBE_VERSION ;;
      gitMajor) value=1 ;;
      gitMinor) value=$KUBE_MINOR ;;
      gitCommit) value=$commit ;;
      gitTreeState) value=clean ;;
      buildDate) value=$build_date ;;
    esac
    ldflags+=" -X k8s.io/component-base/version.$key=$value -X k8s.io/client-go/pkg/version.$key=$value"
  done

  for name in "${stale[@]}"; do
    begin "$name"
    go_build "$WORK/kubernetes" "$toolchain" "$name" "k8s.io/kubernetes/cmd/$name" \
      -tags "$K8S_TAGS" -ldflags "$ldflags"
    check_built_from "$name" k8s.io/kubernetes "$KUBE_VERSION"
    finish "$name" "$KUBE_VERSION"
  done
}

# Lists the images kubeadm deploys for this version and picks the etcd, CoreDNS and pause
# versions out of it, so that those components match what kubeadm will ask for.
list_images() {
  begin images.txt
  "$BIN/kubeadm" config images list --kubernetes-version "$KUBE_VERSION" >"$OUT/.images.txt.tmp" 2>>"$CURRENT_LOG" \
    || die "'kubeadm config images list --kubernetes-version $KUBE_VERSION' failed (see $CURRENT_LOG)"
  mv -f "$OUT/.images.txt.tmp" "$OUT/images.txt"
  local got
  got=$("$BIN/kubeadm" version -o short 2>>"$CURRENT_LOG")
  [[ $got == "$KUBE_VERSION" ]] || die "the built kubeadm reports version '$got', expected '$KUBE_VERSION'"

  ETCD_VERSION=$(sed -n 's#^.*/etcd:\(.*\)$#\1#p' "$OUT/images.txt")
  COREDNS_VERSION=$(sed -n 's#^.*/coredns:\(.*\)$#\1#p' "$OUT/images.txt")
  PAUSE_VERSION=$(sed -n 's#^.*/pause:\(.*\)$#\1#p' "$OUT/images.txt")
  [[ -n $ETCD_VERSION && -n $COREDNS_VERSION && -n $PAUSE_VERSION ]] \
    || die "could not find the etcd, coredns and pause images in $OUT/images.txt"
  # The etcd image tag is <etcd version>-<image revision>, e.g. 3.7.0-0.
  ETCD_MODULE_VERSION=v${ETCD_VERSION%-*}
  progress images.txt "$KUBE_VERSION" listed $(($(date +%s) - STEP_START)) "$(wc -l <"$OUT/images.txt") images"
}

# ---------------------------------------------------------------------------------------
# etcd: the binary is go.etcd.io/etcd/server/v3 (its main.go wraps etcdmain). Its go.mod
# replaces its sibling modules with relative paths, which only work inside etcd's own
# repository, so a wrapper replaces each with the same published version.

build_etcd() {
  if is_fresh etcd "$ETCD_MODULE_VERSION"; then
    CACHED=$((CACHED + 1))
    progress etcd "$ETCD_MODULE_VERSION" cached 0
    return 0
  fi
  begin etcd
  local info dir gomod time module replaces="" godirective toolchain
  info=$(download "go.etcd.io/etcd/server/v3@$ETCD_MODULE_VERSION" "$CURRENT_LOG") \
    || die "go.etcd.io/etcd/server/v3@$ETCD_MODULE_VERSION is not available from the Go module proxy (see $CURRENT_LOG)"
  { read -r dir; read -r gomod; read -r time || true; } <<<"$info"
  while read -r module; do
    [[ -n $module ]] && replaces+=$'\t'"$module => $module $ETCD_MODULE_VERSION"$'\n'
  done < <(sed -n 's#^[[:space:]]*\(go\.etcd\.io/[^[:space:]]*\)[[:space:]]*=>[[:space:]]*\.\./.*#\1#p' "$gomod")
  godirective=$(sed -n 's/^go \([0-9.]*\).*/\1/p' "$gomod")
  toolchain=$(toolchain_for "$gomod")
  write_wrapper "$WORK/etcd" "module kubicle.invalid/etcd

go $godirective

require go.etcd.io/etcd/server/v3 $ETCD_MODULE_VERSION

replace (
${replaces})"
  (cd "$WORK/etcd" && GOTOOLCHAIN=$toolchain "$GO" get "go.etcd.io/etcd/server/v3@$ETCD_MODULE_VERSION") >>"$CURRENT_LOG" 2>&1
  go_build "$WORK/etcd" "$toolchain" etcd go.etcd.io/etcd/server/v3 -ldflags "-s -w"
  check_built_from etcd go.etcd.io/etcd/server/v3 "$ETCD_MODULE_VERSION"
  check_built_from etcd go.etcd.io/etcd/api/v3 "$ETCD_MODULE_VERSION"
  finish etcd "$ETCD_MODULE_VERSION"
}

# build_plain <binary> <module> <version> <package> [ldflags]: a module without replace
# directives, built through a wrapper that requires only it (so the versions selected are
# exactly the module's own).
build_plain() {
  local name=$1 module=$2 version=$3 pkg=$4 extra=${5-}
  if is_fresh "$name" "$version"; then
    CACHED=$((CACHED + 1))
    progress "$name" "$version" cached 0
    return 0
  fi
  begin "$name"
  local info dir gomod time godirective toolchain
  info=$(download "$module@$version" "$CURRENT_LOG") \
    || die "$module@$version is not available from the Go module proxy (see $CURRENT_LOG)"
  { read -r dir; read -r gomod; read -r time || true; } <<<"$info"
  if grep -qE '^replace|^[[:space:]]+[^[:space:]]+( v[^[:space:]]+)? => ' "$gomod"; then
    echo "$module@$version has replace directives; it needs its own wrapper" >>"$CURRENT_LOG"
    false
  fi
  godirective=$(sed -n 's/^go \([0-9.]*\).*/\1/p' "$gomod")
  toolchain=$(toolchain_for "$gomod")
  write_wrapper "$WORK/$name" "module kubicle.invalid/$name

go $godirective

require $module $version"
  (cd "$WORK/$name" && GOTOOLCHAIN=$toolchain "$GO" get "$pkg@$version") >>"$CURRENT_LOG" 2>&1
  go_build "$WORK/$name" "$toolchain" "$name" "$pkg" -ldflags "-s -w $extra"
  check_built_from "$name" "$module" "$version"
  finish "$name" "$version"
}

# pause: a tiny C program shipped in the kubernetes module (build/pause/linux/pause.c),
# compiled the way build/pause/Makefile does it.
build_pause() {
  if is_fresh pause "$PAUSE_VERSION"; then
    CACHED=$((CACHED + 1))
    progress pause "$PAUSE_VERSION" cached 0
    return 0
  fi
  begin pause
  if [[ -z ${K8S_DIR-} ]]; then
    local info gomod time
    info=$(download "k8s.io/kubernetes@$KUBE_VERSION" "$CURRENT_LOG")
    { read -r K8S_DIR; read -r gomod; read -r time || true; } <<<"$info"
  fi
  local src=$K8S_DIR/build/pause/linux/pause.c
  [[ -f $src ]] || die "$src is missing from the kubernetes module"
  gcc -Os -Wall -Werror -static "-DVERSION=v$PAUSE_VERSION" -o "$BIN/.pause.tmp" "$src" >>"$CURRENT_LOG" 2>&1
  strip "$BIN/.pause.tmp" >>"$CURRENT_LOG" 2>&1 || true
  mv -f "$BIN/.pause.tmp" "$BIN/pause"
  finish pause "$PAUSE_VERSION"
}

write_versions() {
  cat >"$OUT/.versions.env.tmp" <<EOF
# Written by $SCRIPT_NAME; versions of the components in bin/.
KUBERNETES_VERSION=$KUBE_VERSION
KUBERNETES_STAGING_VERSION=$STAGING_VERSION
ETCD_VERSION=$ETCD_VERSION
ETCD_MODULE_VERSION=$ETCD_MODULE_VERSION
COREDNS_VERSION=$COREDNS_VERSION
PAUSE_VERSION=$PAUSE_VERSION
LOCAL_PATH_PROVISIONER_VERSION=$LOCAL_PATH_PROVISIONER_VERSION
GO_VERSION=$LOCAL_GO_VERSION
BUILD_SCRIPT_SHA256=$SCRIPT_HASH
EOF
  mv -f "$OUT/.versions.env.tmp" "$OUT/versions.env"
}

echo "$SCRIPT_NAME: building Kubernetes $KUBE_VERSION components into $OUT with $LOCAL_GO_VERSION"
build_kubernetes
list_images
build_etcd
build_plain coredns github.com/coredns/coredns "$COREDNS_VERSION" github.com/coredns/coredns \
  "-X github.com/coredns/coredns/coremain.GitCommit=$COREDNS_VERSION"
build_pause
build_plain local-path-provisioner github.com/rancher/local-path-provisioner "$LOCAL_PATH_PROVISIONER_VERSION" \
  github.com/rancher/local-path-provisioner "-X main.VERSION=$LOCAL_PATH_PROVISIONER_VERSION"
# kind's kindnetd (module sigs.k8s.io/kind/images/kindnetd, and its upstream github.com/aojea/kindnet)
# is not served by the module proxy, so the CNI daemon is not built here.
progress kindnetd - skipped 0 "not available from the Go module proxy"
CURRENT=versions.env
write_versions
echo "total $(($(date +%s) - START))s: $BUILT built, $CACHED cached -> $OUT"
