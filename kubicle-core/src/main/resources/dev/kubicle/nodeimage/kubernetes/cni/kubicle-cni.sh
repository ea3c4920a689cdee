#!/bin/sh
# kubicle's pod network, one copy per node (DaemonSet, host network). Every node gets a pod CIDR (one per family on
# a dual-stack cluster) from the controller manager or from kubicle; this loop makes the node's CNI config hand out
# addresses from it (ptp + host-local, so each pod has a veth and a host route, no bridge), and has the node's
# kubicle-pod-routes route every other node's pod CIDRs to that node's IP of the same family over the cluster's
# network, masquerade pod traffic that leaves the pod network, and refuse packets for Service addresses that no
# Service has.
#
# It runs busybox in its own image, and everything that touches the node through `chroot /host` with the node's
# own tools (ip, iptables, kubectl): the image stays tiny and can never disagree with the node's iptables backend.
# kubectl reads the nodes with this pod's service account, at the API server address the kubelet uses (it works
# before any Service routing exists); the node's own credentials may only read its own Node.
set -u

: "${NODE_NAME:?NODE_NAME must name this node}"
: "${POD_SUBNET:?POD_SUBNET must give the cluster pod subnet}"

readonly HOST=/host
readonly CONF=/etc/cni/net.d/10-kubicle.conflist
readonly STARTUP_RESYNC_SECONDS=0.5
readonly RETRY_SECONDS=1
readonly ACCOUNT=/var/run/secrets/kubernetes.io/serviceaccount
# On the node's tmpfs /run: kubectl runs there, and the token must never outlive the node's boot.
readonly CREDENTIALS=/run/kubicle-cni

log() { echo "kubicle-cni: $*"; }
on_host() { chroot "$HOST" "$@"; }

# The service account token is rotated while the pod runs: copied again before every use.
write_kubeconfig() {
  local server
  server=$(on_host kubectl config view --kubeconfig=/etc/kubernetes/kubelet.conf --raw \
    -o 'jsonpath={.clusters[0].cluster.server}') || return 1
  mkdir -p "$HOST$CREDENTIALS" && chmod 700 "$HOST$CREDENTIALS"
  cp "$ACCOUNT/ca.crt" "$HOST$CREDENTIALS/ca.crt"
  cp "$ACCOUNT/token" "$HOST$CREDENTIALS/token.tmp" && mv "$HOST$CREDENTIALS/token.tmp" "$HOST$CREDENTIALS/token"
  cat >"$HOST$CREDENTIALS/kubeconfig" <<KUBECONFIG
apiVersion: v1
kind: Config
clusters:
- name: cluster
  cluster: {server: "$server", certificate-authority: $CREDENTIALS/ca.crt}
users:
- name: kubicle-cni
  user: {tokenFile: $CREDENTIALS/token}
contexts:
- name: kubicle-cni
  context: {cluster: cluster, user: kubicle-cni}
current-context: kubicle-cni
KUBECONFIG
}

# "name|podCIDRs|internalIPs" per node, the lists comma-separated (two entries each on a dual-stack cluster); no
# output when the API cannot be asked yet. A field not set yet is empty, hence the separator that is not a space.
list_nodes() {
  write_kubeconfig || return 1
  on_host kubectl --kubeconfig="$CREDENTIALS/kubeconfig" get nodes -o \
    'jsonpath={range .items[*]}{.metadata.name}{"|"}{range .spec.podCIDRs[*]}{@}{","}{end}{"|"}{range .status.addresses[?(@.type=="InternalIP")]}{.address}{","}{end}{"\n"}{end}'
}

# same_family A B: whether two addresses or ranges are both IPv6 or both IPv4.
same_family() {
  case $1 in *:*) case $2 in *:*) return 0 ;; esac; return 1 ;; esac
  case $2 in *:*) return 1 ;; esac
  return 0
}

# routes_to CIDRS ADDRESSES: a "CIDR ADDRESS" line for each of a node's pod CIDRs, through its address of that family.
routes_to() {
  local cidr ip
  for cidr in $(echo "$1" | tr ',' ' '); do
    for ip in $(echo "$2" | tr ',' ' '); do
      if same_family "$cidr" "$ip"; then
        echo "$cidr $ip"
        break
      fi
    done
  done
}

# The node's own tool writes the file (cluster creation uses it too), so both always agree on its content.
write_conf() {
  [ "$(on_host kubicle-cni-conf "$1")" = changed ] && log "pods on $NODE_NAME get addresses from $1"
  return 0
}

# The cluster's Service ranges (its ServiceCIDR objects), comma-separated; nothing where the API has no
# ServiceCIDRs (Kubernetes before 1.33), which leaves the node's rules for them as they are.
service_subnets() {
  local out
  if out=$(on_host kubectl --kubeconfig="$CREDENTIALS/kubeconfig" get servicecidrs \
    -o 'jsonpath={range .items[*]}{range .spec.cidrs[*]}{@}{","}{end}{end}' 2>&1); then
    echo "${out%,}"
    return 0
  fi
  case $out in *"doesn't have a resource type"*) return 0 ;; esac
  log "cannot read the cluster's Service ranges: $out"
  return 1
}

# Routes, masquerading and the guard of the Service ranges are the node's own tool's work (cluster creation and
# start use it too).
sync_once() {
  local nodes services name cidrs ips routes="" changes
  nodes=$(list_nodes) || return 1
  services=$(service_subnets) || return 1
  [ -n "$nodes" ] || return 1
  while IFS='|' read -r name cidrs ips; do
    cidrs=${cidrs%,}
    ips=${ips%,}
    [ -n "$cidrs" ] && [ -n "$ips" ] || continue
    if [ "$name" = "$NODE_NAME" ]; then
      write_conf "$cidrs"
    else
      routes="$routes$(routes_to "$cidrs" "$ips")
"
    fi
  done <<NODES
$nodes
NODES
  changes=$(printf '%s' "$routes" | on_host env KUBICLE_SERVICE_SUBNETS="$services" kubicle-pod-routes "$POD_SUBNET") \
    || return 1
  [ -z "$changes" ] || printf '%s\n' "$changes" | while read -r line; do log "$line"; done
}

# Every node change (and the first listing) as one line, for as long as the API server keeps the watch open.
watch_nodes() {
  write_kubeconfig || return 1
  on_host kubectl --kubeconfig="$CREDENTIALS/kubeconfig" get nodes --watch -o name
}

# A change that could not be applied (the API server busy, kubectl failing) is tried again until it is: the
# watch only wakes the loop at the next change, which may be minutes away.
sync_until_done() {
  until sync_once; do
    log "could not apply the cluster's nodes; retrying"
    sleep "$RETRY_SECONDS"
  done
}

log "node $NODE_NAME, pod subnet $POD_SUBNET"
while true; do
  if sync_once && [ -f "$HOST$CONF" ]; then
    # From here on nodes change rarely: a watch wakes the loop at each change and costs nothing in between,
    # where polling would start kubectl and iptables every few seconds on every node.
    watch_nodes | while read -r _; do sync_until_done; done
  else
    log "cannot read the cluster's nodes yet, or this node has no pod CIDR yet; retrying"
  fi
  # Until this node has its CNI config it is not Ready, and every second counts.
  sleep "$STARTUP_RESYNC_SECONDS"
done
