#!/bin/sh
# Makes the kubelet report the node container's CPU and memory limits as the node's capacity. The kubelet learns
# the machine's size from cAdvisor, which counts the CPUs that /sys/devices/system/cpu/online lists and reads
# MemTotal from /proc/meminfo; in a container both show the host. This script, run before every start of the
# kubelet (see 20-kubicle-resources.conf), reads the limits from the node's own cgroup and mounts files of that
# size over the two, as LXCFS would (k3d does the same for memory alone). A CPU limit that is no whole number
# (1.5) shows as the next whole number of CPUs, and the rest is reserved for the system, so that the node's
# allocatable CPU is the limit itself.
set -eu

dir=/run/kubicle/resources
mkdir -p "$dir"
for file in /proc/meminfo /sys/devices/system/cpu/online; do
  while mountpoint -q "$file"; do umount "$file"; done
done

# cgroup v1 spells the limits in two files each; v2 in one ("max" for none).
if [ -f /sys/fs/cgroup/cpu.max ]; then
  read -r quota period </sys/fs/cgroup/cpu.max
  memory=$(cat /sys/fs/cgroup/memory.max)
else
  quota=$(cat /sys/fs/cgroup/cpu/cpu.cfs_quota_us)
  period=$(cat /sys/fs/cgroup/cpu/cpu.cfs_period_us)
  memory=$(cat /sys/fs/cgroup/memory/memory.limit_in_bytes)
fi

extra_args=
if [ "$quota" != max ] && [ "$quota" -gt 0 ]; then
  cpus=$(((quota + period - 1) / period))
  reserved=$((cpus * 1000 - quota * 1000 / period))
  if [ "$cpus" -eq 1 ]; then echo 0; else echo "0-$((cpus - 1))"; fi >"$dir/cpu-online"
  mount --bind "$dir/cpu-online" /sys/devices/system/cpu/online
  [ "$reserved" -gt 0 ] && extra_args="--system-reserved=cpu=${reserved}m"
fi

total_kb=$(awk '$1 == "MemTotal:" { print $2 }' /proc/meminfo)
if [ "$memory" != max ] && [ $((memory / 1024)) -lt "$total_kb" ]; then
  awk -v limit=$((memory / 1024)) '
    $1 == "MemTotal:" || $1 == "MemFree:" || $1 == "MemAvailable:" { if ($2 > limit) $2 = limit }
    { print }' /proc/meminfo >"$dir/meminfo"
  mount --bind "$dir/meminfo" /proc/meminfo
fi

# The kubelet's unit reads this file after the others: its KUBELET_EXTRA_ARGS keeps the user's own flags.
KUBELET_EXTRA_ARGS=
[ -f /etc/default/kubelet ] && . /etc/default/kubelet
echo "KUBELET_EXTRA_ARGS=$KUBELET_EXTRA_ARGS $extra_args" >"$dir/kubelet.env"
