#!/bin/sh
# iptables, iptables-save, iptables-restore and their ip6tables twins in the kube-proxy image all start here once.
# kube-proxy must write its rules with the backend (nft or legacy) the node itself uses, or the two sets of rules
# would not see each other; the image holds both. The backend is read off the node's network namespace (kube-proxy
# runs in it): the kubelet marks the one it uses with a KUBE-IPTABLES-HINT chain, and failing that the backend
# holding more rules wins. The links are then pointed at that backend, so that the choice is made once (a read-only
# root file system only makes it be made again), and the command runs.
set -eu

bb=/bin/busybox

count_rules() {
  { "/usr/sbin/xtables-$1-multi" iptables-save || true; "/usr/sbin/xtables-$1-multi" ip6tables-save || true; } \
    2>/dev/null | $bb grep -c '^-' || true
}

has_hint() {
  "/usr/sbin/xtables-$1-multi" iptables-save -t mangle 2>/dev/null | $bb grep -q '^:KUBE-IPTABLES-HINT'
}

if has_hint nft; then
  mode=nft
elif has_hint legacy; then
  mode=legacy
elif [ "$(count_rules legacy)" -gt "$(count_rules nft)" ]; then
  mode=legacy
else
  mode=nft
fi

for name in iptables iptables-save iptables-restore ip6tables ip6tables-save ip6tables-restore; do
  { $bb ln -sf "xtables-$mode-multi" "/usr/sbin/$name.new" && $bb mv -f "/usr/sbin/$name.new" "/usr/sbin/$name"; } \
    2>/dev/null || true
done
exec "/usr/sbin/xtables-$mode-multi" "$($bb basename "$0")" "$@"
