#!/bin/bash
# Turns a fresh debootstrap of the base node image into a node's root file system. Runs inside it (chroot), after
# the recipe's files have been copied in; nothing here may need the network or a running systemd.
set -o errexit -o nounset -o pipefail

# Start from no enabled units at all: debootstrap enabled what a machine wants (gettys, apt and fstrim timers...).
find /etc/systemd/system -name '*.wants' -type d -exec sh -c 'rm -f "$1"/*' _ {} \;
systemctl set-default multi-user.target
systemctl enable containerd.service kubicle-show-cgroups.service
# Units that make no sense in a container, or would fail there and leave the node "degraded": logins and
# gettys (the node's tty is the engine's log), binfmt_misc (host-wide), the kernel's audit log, and services
# about hardware, first boot and package updates.
systemctl mask \
  getty.target console-getty.service getty@.service serial-getty@.service getty-static.service \
  systemd-logind.service systemd-user-sessions.service \
  systemd-binfmt.service proc-sys-fs-binfmt_misc.automount \
  systemd-journald-audit.socket \
  systemd-firstboot.service systemd-pstore.service systemd-remount-fs.service \
  apt-daily.timer apt-daily-upgrade.timer dpkg-db-backup.timer e2scrub_all.timer e2scrub_reap.service \
  fstrim.timer

# CNI plugins where containerd's config and CNI manifests look for them.
mkdir -p /opt/cni/bin
for plugin in /usr/lib/cni/*; do
  ln -sf "$plugin" /opt/cni/bin/
done

mkdir -p /etc/kubernetes/manifests /etc/cni/net.d
# Each container makes its own identity and gets its resolver and hostname from the engine.
rm -f /etc/machine-id /var/lib/dbus/machine-id /etc/resolv.conf /etc/hostname
touch /etc/machine-id
ln -s /etc/machine-id /var/lib/dbus/machine-id

# Shrink: the package cache and lists (nothing is installed later), documentation, logs of the install.
apt-get clean
rm -rf /var/lib/apt/lists/* /var/cache/debconf/*-old /var/log/*.log /var/log/apt/* \
  /usr/share/doc/* /usr/share/man/* /usr/share/info/* /usr/share/locale/* /tmp/* /var/tmp/*
