# Shared by the scripts that install, start and stop a daemon (ensure-engine.sh, ensure-engines.sh,
# ensure-podman.sh); sourced, not run.
# The sourcing script sets SCRIPT (its name in messages) and WAIT_SECONDS first.

say() { echo "$SCRIPT: $*" >&2; }
die() { say "error: $*"; exit 1; }
usage() { sed -n '2,/^set /{/^#/s/^# \{0,1\}//p}' "$0" >&2; exit 2; }
need_root() { [[ $EUID -eq 0 ]] || die "$1 needs root; run this script as root"; }

# apt_install PACKAGE...: installs the packages named (none: nothing to do).
apt_install() {
  [[ $# -gt 0 ]] || return 0
  need_root "installing $*"
  say "installing $* with apt-get"
  apt-get update -qq || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null || die "apt-get install $* failed"
}

# start_daemon LOG COMMAND...: starts COMMAND in a session of its own, its output appended to LOG, and sets
# DAEMON_PID. It runs from /: a daemon keeps the directory it was started in, and the checkout this script runs
# from may be deleted while the daemon lives on (conmon, which Podman's service starts there, then fails every
# container start with "write child: broken pipe").
start_daemon() {
  local log=$1
  shift
  (cd / && exec setsid "$@") >>"$log" 2>&1 </dev/null &
  DAEMON_PID=$!
}

# stop_daemon PID NAME LOG: asks the daemon to stop (SIGTERM) and waits up to twice WAIT_SECONDS for its process to
# end: an engine stops its containers first. Fails, pointing at LOG, when it is still there then.
stop_daemon() {
  local pid=$1 name=$2 log=$3 second
  say "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || return 0
  for ((second = 0; second < 2 * WAIT_SECONDS; second++)); do
    kill -0 "$pid" 2>/dev/null || { say "$name stopped after $second s"; return 0; }
    sleep 1
  done
  die "$name (pid $pid) did not stop within $((2 * WAIT_SECONDS)) s; see $log"
}

# wait_for_daemon PID NAME LOG ANSWERS SUMMARY: waits until the command ANSWERS succeeds, then says what SUMMARY
# prints; fails when the daemon's process ends first or WAIT_SECONDS pass.
wait_for_daemon() {
  local pid=$1 name=$2 log=$3 answers=$4 summary=$5 second
  for ((second = 0; second < WAIT_SECONDS; second++)); do
    if "$answers"; then
      say "$name ready after $second s: $("$summary")"
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || die "$name exited while starting; see $log"
    sleep 1
  done
  die "$name (pid $pid) did not answer within $WAIT_SECONDS s; see $log"
}
