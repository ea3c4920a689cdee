#!/bin/bash
# The steps of a Kubernetes node image build that run inside the build container: a container of the base node
# image whose entrypoint only sleeps, so that nothing of a booted node ends up in the image. kubicle copies the
# binaries, files and image specs under /kind/build first, runs these steps one by one, then commits the container.
# The image step needs nothing but bash, GNU tar and coreutils, and also runs outside a node.
#
#   build-steps.sh install VERSION PAUSE_IMAGE    enable the kubelet, point containerd at the preloaded pause image
#   build-steps.sh image SPEC_DIR ARCHIVE         make one image as a `docker save` archive from SPEC_DIR
#   build-steps.sh preload ARCHIVE_DIR EXPECTED   import the archives into containerd (namespace k8s.io), check
#                                                 that every reference listed in EXPECTED is there
#   build-steps.sh clean                          remove /kind/build and what the steps left behind
#
# An image spec directory holds "reference" (the image's name), "config.json" (the "config" object of its image
# configuration: entrypoint, environment) and "files", one "KIND SOURCE DESTINATION" line per file of its single
# layer, where KIND is
#   component   SOURCE is a binary under /kind/build/bin
#   resource    SOURCE is a file kubicle ships, under /kind/build/resources
#   node        SOURCE is a file or directory of this container; executables and shared objects bring the shared
#               libraries ldd says they load, at the paths ldd prints
#   link        a symbolic link to SOURCE
#   applets     a link to the busybox at SOURCE for each applet it has, in the directory DESTINATION
set -o errexit -o nounset -o pipefail

# Where kubicle put the binaries, resources and specs (a test runs the image step elsewhere).
readonly BUILD=${KUBICLE_BUILD_DIR:-/kind/build}
readonly PRELOAD_STATE=/run/kubicle-preload
readonly SOCKET=$PRELOAD_STATE/containerd.sock
readonly SEED_ROOT=/kind/containerd-seed
readonly IMAGE_PATH=/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

die() {
  echo "build-steps.sh: $*" >&2
  exit 1
}

install_kubernetes() {
  local version=$1 pause=$2 reported
  # systemctl works on the unit files alone when systemd is not running.
  systemctl enable kubelet.service kubicle-unpack-images.service
  sed -i "s|^\([[:space:]]*sandbox_image[[:space:]]*=\).*|\1 \"$pause\"|" /etc/containerd/config.toml
  grep -q "^[[:space:]]*sandbox_image = \"$pause\"\$" /etc/containerd/config.toml \
    || die "could not set containerd's sandbox_image to $pause in /etc/containerd/config.toml"
  reported=$(kubeadm version -o short)
  [[ $reported == "$version" ]] || die "kubeadm reports version $reported, expected $version"
  reported=$(kubelet --version)
  [[ $reported == "Kubernetes $version" ]] || die "kubelet reports '$reported', expected 'Kubernetes $version'"
  echo "installed Kubernetes $version; pods' sandboxes use $pause"
}

# copy_node_file SOURCE DESTINATION ROOT: a file of this container, following symbolic links.
copy_node_file() {
  mkdir -p "$3$(dirname "$2")"
  cp -L "$1" "$3$2"
}

# add_libraries FILE ROOT: the shared libraries FILE loads, and the dynamic loader, at the paths ldd prints them.
add_libraries() {
  local library
  # ldd fails on files that are not dynamically linked: they need nothing.
  for library in $(ldd "$1" 2>/dev/null | awk '$2 == "=>" && $3 ~ "^/" { print $3 } $1 ~ "^/" { print $1 }'); do
    [[ -e $2$library ]] || copy_node_file "$library" "$library" "$2"
  done
}

add_from_node() {
  local source=$1 destination=$2 root=$3 file
  [[ -e $source ]] || die "$source is not in the base image"
  if [[ -d $source ]]; then
    mkdir -p "$root$destination"
    cp -a "$source/." "$root$destination/"
    while IFS= read -r -d '' file; do
      add_libraries "$file" "$root"
    done < <(find "$source" -type f -print0)
  else
    copy_node_file "$source" "$destination" "$root"
    add_libraries "$source" "$root"
  fi
}

add_applets() {
  local busybox=$1 directory=$2 root=$3 applet
  mkdir -p "$root$directory"
  for applet in $("$busybox" --list); do
    [[ -e $root$directory/$applet ]] || ln -s "$busybox" "$root$directory/$applet"
  done
}

# Lays out the image's file system under ROOT from the spec's files list.
lay_out() {
  local spec=$1 root=$2 kind source destination
  while read -r kind source destination; do
    [[ -z $kind || $kind == \#* ]] && continue
    case $kind in
      component) copy_node_file "$BUILD/bin/$source" "$destination" "$root" ;;
      resource) copy_node_file "$BUILD/resources/$source" "$destination" "$root" ;;
      node) add_from_node "$source" "$destination" "$root" ;;
      link)
        mkdir -p "$root$(dirname "$destination")"
        ln -sfn "$source" "$root$destination"
        ;;
      applets) add_applets "$source" "$destination" "$root" ;;
      *) die "unknown kind of file '$kind' in $spec/files" ;;
    esac
  done <"$spec/files"
}

sha256_of() {
  sha256sum "$1" | cut -d ' ' -f 1
}

# The image as `docker save` writes it (manifest.json, the configuration, one uncompressed layer), which
# `ctr images import` reads. Everything is made reproducible (names sorted, times zero, owners root), so the same
# files always give the same digests.
make_image() {
  local spec=$1 archive=$2 reference work layer layer_digest config config_digest
  reference=$(cat "$spec/reference")
  [[ $reference =~ ^[a-z0-9./:_-]+$ ]] || die "'$reference' is not an image reference"
  work=$(mktemp -d "$BUILD/image.XXXXXX")
  mkdir "$work/root"
  lay_out "$spec" "$work/root"
  layer=$work/layer.tar
  tar --create --file "$layer" --directory "$work/root" --sort=name --mtime=@0 --owner=0 --group=0 \
    --numeric-owner .
  layer_digest=$(sha256_of "$layer")
  mkdir "$work/$layer_digest"
  mv "$layer" "$work/$layer_digest/layer.tar"
  config=$work/config.json
  printf '{"architecture":"amd64","os":"linux","config":%s,"rootfs":{"type":"layers","diff_ids":["sha256:%s"]}}' \
    "$(cat "$spec/config.json")" "$layer_digest" >"$config"
  config_digest=$(sha256_of "$config")
  mv "$config" "$work/$config_digest.json"
  printf '[{"Config":"%s.json","RepoTags":["%s"],"Layers":["%s/layer.tar"]}]' \
    "$config_digest" "$reference" "$layer_digest" >"$work/manifest.json"
  mkdir -p "$(dirname "$archive")"
  tar --create --file "$archive" --directory "$work" --mtime=@0 --owner=0 --group=0 --numeric-owner \
    manifest.json "$config_digest.json" "$layer_digest/layer.tar"
  rm -rf "$work"
  echo "$reference: $(du -h --apparent-size "$archive" | cut -f 1), layer sha256:$layer_digest"
}

stop_containerd() {
  local pid
  pid=$(cat "$PRELOAD_STATE/containerd.pid" 2>/dev/null) || return 0
  if kill "$pid" 2>/dev/null; then
    # containerd ends on SIGTERM after closing its database; the image must not keep a half-written one.
    for _ in $(seq 100); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -0 "$pid" 2>/dev/null && die "containerd (pid $pid) did not stop within 10 s"
  fi
  rm -f "$PRELOAD_STATE/containerd.pid"
}

# containerd started by hand, on a socket of its own and without the CRI plugin (which wants a booted node): only
# its content store and image database are needed. They go to the seed root outside /var, which the node's
# entrypoint lays under its containerd at first start (see the base image's entrypoint, seed_containerd).
start_containerd() {
  mkdir -p "$PRELOAD_STATE"
  cat >"$PRELOAD_STATE/config.toml" <<EOF
version = 2
root = "$SEED_ROOT"
state = "$PRELOAD_STATE/state"
disabled_plugins = ["io.containerd.grpc.v1.cri"]
[grpc]
  address = "$SOCKET"
EOF
  containerd --config "$PRELOAD_STATE/config.toml" >"$PRELOAD_STATE/containerd.log" 2>&1 &
  echo $! >"$PRELOAD_STATE/containerd.pid"
  for _ in $(seq 100); do
    ctr --address "$SOCKET" version >/dev/null 2>&1 && return 0
    kill -0 "$!" 2>/dev/null || break
    sleep 0.1
  done
  cat "$PRELOAD_STATE/containerd.log" >&2
  die "containerd did not start"
}

preload() {
  local archives=$1 expected=$2 archive missing
  trap stop_containerd EXIT
  start_containerd
  for archive in "$archives"/*.tar; do
    # Not unpacked: the node's containerd unpacks an image for its snapshotter on first use. No --digests: its
    # extra "import-<date>@sha256:..." names would only clutter the image list.
    ctr --address "$SOCKET" --namespace k8s.io images import --all-platforms --no-unpack "$archive" >/dev/null
  done
  missing=$(comm -23 <(sort -u "$expected") <(ctr --address "$SOCKET" --namespace k8s.io images ls -q | sort -u))
  [[ -z $missing ]] || die "containerd lacks these images after the import: $(echo $missing)"
  stop_containerd
  trap - EXIT
  echo "preloaded $(wc -l <"$expected") images into containerd"
}

clean() {
  rm -rf "$BUILD" "$PRELOAD_STATE"
}

[[ $# -ge 1 ]] || die "usage: build-steps.sh install|image|preload|clean ARGS..."
export PATH=$IMAGE_PATH
step=$1
shift
case $step in
  install) install_kubernetes "$@" ;;
  image) make_image "$@" ;;
  preload) preload "$@" ;;
  clean) clean ;;
  *) die "unknown step '$step'" ;;
esac
