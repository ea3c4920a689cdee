#!/usr/bin/env bash
# Builds the container images Kubernetes' conformance tests run, without a registry, and tags them with the exact
# names the e2e suite asks for (test/utils/image/manifest.go), so the suite needs no registry override:
#
#   registry.k8s.io/e2e-test-images/agnhost:<agnhost version>   agnhost (built by build-suite.sh) on Debian's static
#                                                               busybox, with the tools the tests call in it: dig,
#                                                               getent, curl, bash, OpenBSD's nc (from this host, with the
#                                                               shared libraries they load)
#   registry.k8s.io/e2e-test-images/busybox:<tag>               Debian's static busybox and its applets, bash as sh
#   registry.k8s.io/e2e-test-images/glibc-dns-testing:<tag>     busybox with dig, getent (glibc's resolver), bash
#   registry.k8s.io/e2e-test-images/nginx:<tag> (both tags)     Debian's nginx, serving a page on port 80
#
#   build-images.sh <suite-dir (of build-suite.sh)> <e2e image list file (`e2e.test --list-images`)>
#
# Prints the references it built, one a line. An image already in the engine with the same inputs is kept. Needs
# root for apt-get (busybox-static, bind9-dnsutils, curl, and nginx's files, which are unpacked, not installed).
set -Eeuo pipefail

readonly SCRIPT_NAME=build-images.sh
die() { echo "$SCRIPT_NAME: error: $*" >&2; exit 1; }
say() { echo "$SCRIPT_NAME: $*" >&2; }

[[ $# -eq 2 ]] || { echo "usage: $SCRIPT_NAME <suite-dir> <e2e image list>" >&2; exit 2; }
readonly SUITE=$1 LIST=$2
[[ -x $SUITE/bin/agnhost ]] || die "$SUITE/bin/agnhost is missing: run build-suite.sh first"
readonly WORK=$SUITE/images
mkdir -p "$WORK"

missing=()
for package in busybox-static bind9-dnsutils curl; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [[ ${#missing[@]} -gt 0 ]]; then
  say "installing ${missing[*]} (their programs go into the test images)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
    || die "apt-get install ${missing[*]} failed"
fi

# references_of <name>: the references the suite uses for e2e-test-images/<name> (every tag), from its own list.
references_of() {
  grep "^registry\.k8s\.io/e2e-test-images/$1:" "$LIST" | sort -u | grep . || die "$LIST names no e2e-test-images/$1"
}

# add_program <root> <file> [destination]: a program of this host (at <file>, or at <destination> in the image) with
# the shared libraries ldd says it loads.
add_program() {
  local root=$1 file=$2 destination=${3:-$2} library
  mkdir -p "$root$(dirname "$destination")"
  cp -L "$file" "$root$destination"
  for library in $(ldd "$file" 2>/dev/null | awk '$2 == "=>" && $3 ~ "^/" { print $3 } $1 ~ "^/" { print $1 }'); do
    [[ -e $root$library ]] || { mkdir -p "$root$(dirname "$library")"; cp -L "$library" "$root$library"; }
  done
}

# base_root <root>: busybox's applets in /bin, the users and groups images usually have, name resolution through
# /etc/hosts (which the kubelet writes) and DNS.
base_root() {
  local root=$1 applet
  rm -rf "$root"
  mkdir -p "$root"/{bin,etc,tmp,root,usr/bin,usr/sbin,var/run}
  chmod 1777 "$root/tmp"
  cp /bin/busybox "$root/bin/busybox"
  for applet in $("$root/bin/busybox" --list); do
    [[ -e $root/bin/$applet ]] || ln -s busybox "$root/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$root/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
  printf 'hosts: files dns\n' >"$root/etc/nsswitch.conf"
}

# import <root> <name> <change...>: the root as a one-layer image under every reference of e2e-test-images/<name>,
# unless the engine has it from the same root already (the hash of the root's listing and contents is a label).
import() {
  local root=$1 name=$2 hash reference
  shift 2
  hash=$( (cd "$root" && find . -printf '%p %l %m\n' | sort && find . -type f -print0 | sort -z | xargs -0 cat) \
    | sha256sum | cut -c1-64)
  for reference in $(references_of "$name"); do
    import_as "$root" "$reference" "$hash" "$@"
  done
}

import_as() {
  local root=$1 reference=$2 hash=$3
  shift 3
  if [[ "$(docker image inspect -f '{{index .Config.Labels "dev.kubicle.conformance.inputs"}}' "$reference" \
      2>/dev/null)" == "$hash" ]]; then
    say "$reference is up to date"
  else
    tar -C "$root" --numeric-owner -c . | docker import "$@" -c "LABEL dev.kubicle.conformance.inputs=$hash" - \
      "$reference" >/dev/null || die "docker import of $reference failed"
    say "built $reference"
  fi
  echo "$reference"
}

# unpacked <package...>: a directory holding the files of Debian's packages, downloaded and unpacked, not
# installed (installing nginx would start it on this host; the images want OpenBSD's nc without it replacing the
# host's).
unpacked() {
  local dir=$WORK/debs/$(IFS=+; echo "$*") deb
  if [[ ! -d $dir/root ]]; then
    rm -rf "$dir" && mkdir -p "$dir"
    (cd "$dir" && apt-get download "$@" >/dev/null 2>&1) \
      || { apt-get update -qq && (cd "$dir" && apt-get download "$@" >/dev/null 2>&1); } \
      || die "apt-get download $* failed"
    mkdir "$dir/.root"
    for deb in "$dir"/*.deb; do dpkg-deb -x "$deb" "$dir/.root"; done
    mv "$dir/.root" "$dir/root"
  fi
  echo "$dir/root"
}

# add_glibc_tools <root>: glibc's resolver behind dig and getent (the DNS tests query through both), and bash as
# /bin/sh: Debian's static busybox prefers its own applets to programs on PATH when it runs as sh, so `sh -c "nc -v
# ..."` would run busybox's nc whatever else the image holds.
add_glibc_tools() {
  local program
  for program in /usr/bin/dig /usr/bin/getent /bin/bash; do
    add_program "$1" "$program"
  done
  ln -sfn bash "$1/bin/sh"
}

build_agnhost() {
  local root=$WORK/agnhost program module
  base_root "$root"
  cp "$SUITE/bin/agnhost" "$root/agnhost"
  ln -s agnhost "$root/agnhost-2"
  mkdir -p "$root/uploads"
  # porter serves TLS with the key and certificate the real image carries.
  module=$(go_module_dir)
  cp "$module/test/images/agnhost/porter/localhost.crt" "$module/test/images/agnhost/porter/localhost.key" "$root/"
  add_glibc_tools "$root"
  add_program "$root" /usr/bin/curl
  # The tests call nc with options busybox's lacks (-v, -t, -z): the real image has OpenBSD's.
  rm -f "$root/bin/nc"
  add_program "$root" "$(unpacked netcat-openbsd)/bin/nc.openbsd" /usr/bin/nc
  # Tests that check the image's own user and group (uid 1000, gid 50000) as the real image defines them.
  echo 'user-defined-in-image:x:1000:1000::/home/user-defined-in-image:/bin/sh' >>"$root/etc/passwd"
  printf 'user-defined-in-image:x:1000:\ngroup-defined-in-image:x:50000:user-defined-in-image\n' >>"$root/etc/group"
  # Tests that need an older agnhost (agnhost:2.55) only need an image of another name with the same commands.
  import "$root" agnhost -c 'ENTRYPOINT ["/agnhost"]' -c 'CMD ["pause"]'
}

# bash is the image's sh: Debian's busybox 1.35 sh drops environment variables whose names are not shell names
# (`sh -c env` loses `data-1=value-1`), and the tests that feed ConfigMap and Secret keys to the environment read
# them back that way; the upstream image's sh passes them on.
build_busybox() {
  local root=$WORK/busybox
  base_root "$root"
  add_program "$root" /bin/bash
  ln -sfn bash "$root/bin/sh"
  import "$root" busybox -c 'CMD ["sh"]'
}

# The DNS tests' querier for glibc's resolver: upstream it is Debian with dnsutils.
build_glibc_dns_testing() {
  local root=$WORK/glibc-dns-testing
  base_root "$root"
  add_glibc_tools "$root"
  import "$root" glibc-dns-testing -c 'CMD ["sh"]'
}

build_nginx() {
  local root=$WORK/nginx debs
  base_root "$root"
  debs=$(unpacked nginx nginx-common)
  add_program "$root" "$debs/usr/sbin/nginx" /usr/sbin/nginx
  mkdir -p "$root"/etc/nginx "$root"/var/log/nginx "$root"/var/lib/nginx "$root"/usr/share/nginx/html "$root/run"
  cp "$debs/etc/nginx/mime.types" "$root/etc/nginx/"
  cat >"$root/etc/nginx/nginx.conf" <<'CONF'
user nobody nogroup;
worker_processes 1;
pid /run/nginx.pid;
error_log /dev/stderr;
events { worker_connections 256; }
http {
  include mime.types;
  access_log /dev/stdout;
  server {
    listen 80 default_server;
    listen [::]:80 default_server;
    root /usr/share/nginx/html;
    index index.html;
  }
}
CONF
  echo '<html><body><h1>Welcome to nginx!</h1></body></html>' >"$root/usr/share/nginx/html/index.html"
  import "$root" nginx -c 'CMD ["/usr/sbin/nginx", "-g", "daemon off;"]' -c 'EXPOSE 80'
}

go_module_dir() {
  local go=${GO:-$(command -v go || echo /usr/local/go/bin/go)} version
  version=$(sed -n 's/^KUBERNETES_VERSION=//p' "$SUITE/versions.env")
  GOFLAGS=-mod=mod "$go" mod download -json "k8s.io/kubernetes@$version" | jq -r .Dir
}

build_agnhost
build_busybox
build_glibc_dns_testing
build_nginx
