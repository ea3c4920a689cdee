#!/usr/bin/env bash
# Builds Kubernetes' end-to-end suite for one Kubernetes version from source, through the Go module proxy (no
# registry, no git clone): the e2e.test binary (`go test -c k8s.io/kubernetes/test/e2e`), the ginkgo runner that
# runs it in parallel, and agnhost, the Swiss-army test server most conformance tests run in their pods.
#
#   build-suite.sh <kubernetes-version, e.g. v1.37.2> <output-dir>
#
# Writes <output-dir>/bin/{e2e.test,ginkgo,agnhost}, <output-dir>/versions.env and one log per binary under
# <output-dir>/logs. A binary is rebuilt only when it is missing or its recorded inputs (version, this script) changed.
# Go's module and build caches are the default ones, which the node image's component build
# (kubicle-core/.../nodeimage/build-components.sh) fills too: on a machine that built the node image, the packages
# both share (client-go, the API types, apimachinery) are compiled already.
set -Eeuo pipefail

readonly SCRIPT_NAME=build-suite.sh
die() { echo "$SCRIPT_NAME: error: $*" >&2; exit 1; }
say() { echo "$SCRIPT_NAME: $*" >&2; }

[[ $# -eq 2 ]] || { echo "usage: $SCRIPT_NAME <kubernetes-version, e.g. v1.37.2> <output-dir>" >&2; exit 2; }
readonly KUBE_VERSION=$1
[[ $KUBE_VERSION =~ ^v1\.[0-9]+\.[0-9]+$ ]] || die "'$KUBE_VERSION' is not a Kubernetes version like v1.37.2"
# Staging modules (k8s.io/api, k8s.io/client-go, ...) are published as v0.<minor>.<patch>.
readonly STAGING_VERSION=v0${KUBE_VERSION#v1}
mkdir -p "$2" || die "cannot create $2"
OUT=$(cd "$2" && pwd)
readonly OUT BIN=$OUT/bin WORK=$OUT/.work STAMPS=$OUT/.stamps LOGS=$OUT/logs
mkdir -p "$BIN" "$WORK" "$STAMPS" "$LOGS"

GO=${GO:-$(command -v go || true)}
[[ -n $GO ]] || GO=/usr/local/go/bin/go
[[ -x $GO ]] || die "no Go toolchain found: put go on PATH or set GO=/path/to/go"
export CGO_ENABLED=0 GOOS=linux GOARCH=amd64 GOWORK=off GOFLAGS=-buildvcs=false GOTOOLCHAIN=${GOTOOLCHAIN:-local}
unset GOBIN
# The build tags of the node image's components (build-components.sh): with the same tags, flags and Go, the
# packages both import are the same compiled packages in Go's build cache, so only the suite's own ones compile.
readonly TAGS=selinux,notest,grpcnotrace

# One build per output directory at a time: a second caller waits, then finds the binaries fresh.
exec 9>"$OUT/.lock"
flock -n 9 || { say "another build is using $OUT, waiting for it"; flock 9; }

SCRIPT_HASH=$(sha256sum "${BASH_SOURCE[0]}" | cut -c1-64)
readonly SCRIPT_HASH
inputs_of() { printf 'binary=%s\nversion=%s\nscript=%s\n' "$1" "$KUBE_VERSION" "$SCRIPT_HASH"; }
is_fresh() { [[ -x $BIN/$1 && -f $STAMPS/$1 && "$(cat "$STAMPS/$1")" == "$(inputs_of "$1")" ]]; }

stale=()
for name in e2e.test ginkgo agnhost; do
  is_fresh "$name" || stale+=("$name")
done
if [[ ${#stale[@]} -eq 0 ]]; then
  say "e2e.test, ginkgo and agnhost for $KUBE_VERSION are cached in $BIN"
  exit 0
fi

# k8s.io/kubernetes requires every staging module at v0.0.0 and replaces it with a directory that is not in the
# module zip; a wrapper module replaces each with its published version instead (the list is read from that
# version's own go.mod, since it changes between versions).
start=$(date +%s)
log=$LOGS/resolve.log
json=$("$GO" mod download -json "k8s.io/kubernetes@$KUBE_VERSION" 2>"$log") \
  || die "k8s.io/kubernetes@$KUBE_VERSION is not available from the Go module proxy (see $log)"
gomod=$(jq -r .GoMod <<<"$json")
moddir=$(jq -r .Dir <<<"$json")
replaces=$(sed -n 's#^[[:space:]]*\(k8s\.io/[^[:space:]]*\)[[:space:]]*=>[[:space:]]*\./staging/.*#\t\1 => \1 '"$STAGING_VERSION"'#p' "$gomod")
[[ -n $replaces ]] || die "no staging replace directives in $gomod"
ginkgo_version=$(awk '$1 == "github.com/onsi/ginkgo/v2" { print $2; exit }' "$gomod")
[[ -n $ginkgo_version ]] || die "$gomod names no github.com/onsi/ginkgo/v2 version"
agnhost_version=$(cat "$moddir/test/images/agnhost/VERSION")
printf 'module kubicle.invalid/conformance\n\ngo %s\n%s\n\nrequire k8s.io/kubernetes %s\n\nreplace (\n%s\n)\n' \
  "$(sed -n 's/^go \([0-9.]*\).*/\1/p' "$gomod")" "$(grep '^godebug ' "$gomod" || true)" "$KUBE_VERSION" \
  "$replaces" >"$WORK/go.mod"
(cd "$WORK" && "$GO" get -t "k8s.io/kubernetes/test/e2e@$KUBE_VERSION" "github.com/onsi/ginkgo/v2/ginkgo@$ginkgo_version" \
  "k8s.io/kubernetes/test/images/agnhost@$KUBE_VERSION") >>"$log" 2>&1 \
  || die "resolving the dependencies of k8s.io/kubernetes/test/e2e@$KUBE_VERSION failed (see $log)"
grep -q "^require k8s.io/kubernetes $KUBE_VERSION\$" "$WORK/go.mod" \
  || die "resolving moved k8s.io/kubernetes away from $KUBE_VERSION (see $WORK/go.mod)"
say "resolved k8s.io/kubernetes $KUBE_VERSION with ginkgo $ginkgo_version in $(($(date +%s) - start)) s"

# Version info as the release build sets it: the suite derives expectations from its own version (the Pod Security
# level of its minimal pods, for one), and a binary without it claims v0.0.
version_ldflags() {
  local key value flags=""
  for key in gitVersion gitMajor gitMinor gitTreeState; do
    case $key in
      gitVersion) value=$KUBE_VERSION ;;
      gitMajor) value=1 ;;
      gitMinor) value=$(cut -d. -f2 <<<"$KUBE_VERSION") ;;
      gitTreeState) value=clean ;;
    esac
    flags+=" -X k8s.io/component-base/version.$key=$value -X k8s.io/client-go/pkg/version.$key=$value"
  done
  echo "$flags"
}

# build <binary> <package> <go subcommand...>
build() {
  local name=$1 pkg=$2 t0
  t0=$(date +%s)
  shift 2
  say "building $name (log: $LOGS/$name.log)"
  (cd "$WORK" && "$GO" "$@" -trimpath -tags "$TAGS" -ldflags "-s -w$(version_ldflags)" -o "$BIN/.$name.tmp" "$pkg") >"$LOGS/$name.log" 2>&1 \
    || { tail -n 30 "$LOGS/$name.log" >&2; die "building $name failed"; }
  mv -f "$BIN/.$name.tmp" "$BIN/$name"
  inputs_of "$name" >"$STAMPS/$name"
  say "built $name in $(($(date +%s) - t0)) s"
}
for name in "${stale[@]}"; do
  case $name in
    ginkgo) build ginkgo github.com/onsi/ginkgo/v2/ginkgo build ;;
    agnhost) build agnhost k8s.io/kubernetes/test/images/agnhost build ;;
    # go test runs vet on the package first: needless for a binary from a released version.
    e2e.test) build e2e.test k8s.io/kubernetes/test/e2e test -c -vet=off ;;
  esac
done
printf 'KUBERNETES_VERSION=%s\nGINKGO_VERSION=%s\nAGNHOST_VERSION=%s\nGO_VERSION=%s\n' "$KUBE_VERSION" \
  "$ginkgo_version" "$agnhost_version" "$("$GO" env GOVERSION)" >"$OUT/versions.env"
say "built ${stale[*]} in $(($(date +%s) - start)) s -> $BIN"
