#!/usr/bin/env bash
# A Docker daemon for the discovery-docker tests, on a machine without systemd and without an image registry.
#
#   .ci/docker.sh start   install docker.io and busybox-static when missing, start dockerd when no daemon answers,
#                         wait until `docker info` answers, import the test image pyrocamel/busybox:test when missing
#   .ci/docker.sh stop    stop the dockerd that `start` started (a daemon that was already running is left alone)
#   .ci/docker.sh status  exit 0 when a daemon answers on the socket
#
# Idempotent: `start` twice is one daemon, `stop` without a `start` does nothing. Exit code != 0 with the reason on
# stderr (and the tail of the dockerd log) when the daemon cannot be started.
#
# Environment: DOCKER_SOCK (default /var/run/docker.sock), DOCKERD_LOG (default /tmp/pyrocamel-dockerd.log),
# DOCKER_START_TIMEOUT seconds (default 60).
set -euo pipefail

SOCK="${DOCKER_SOCK:-/var/run/docker.sock}"
HOST="unix://${SOCK}"
PIDFILE=/var/run/pyrocamel-dockerd.pid
LOG="${DOCKERD_LOG:-/tmp/pyrocamel-dockerd.log}"
TIMEOUT="${DOCKER_START_TIMEOUT:-60}"
IMAGE=pyrocamel/busybox:test

log() { echo "docker.sh: $*" >&2; }

docker_cli() {
  # prefer the client that comes with docker.io (matches the daemon); any docker CLI negotiates the API version
  if [ -x /usr/bin/docker ]; then
    /usr/bin/docker -H "$HOST" "$@"
  else
    docker -H "$HOST" "$@"
  fi
}

daemon_up() {
  docker_cli info >/dev/null 2>&1
}

install_packages() {
  local need=()
  [ -x /usr/sbin/dockerd ] || need+=(docker.io)
  # the image's only binary: it must be the statically linked build (a dynamic busybox would not run in the image)
  dpkg -s busybox-static >/dev/null 2>&1 || need+=(busybox-static)
  if [ ${#need[@]} -gt 0 ]; then
    log "installing ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi
}

start_daemon() {
  if daemon_up; then
    log "a Docker daemon already answers on $HOST"
    return 0
  fi
  local pid=""
  if [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
    pid="$(cat "$PIDFILE")"
    log "dockerd $pid is starting; waiting"
  else
    rm -f "$PIDFILE"
    [ -S "$SOCK" ] && rm -f "$SOCK"   # stale socket of a daemon that died
    log "starting dockerd (log: $LOG)"
    # no systemd here: dockerd starts its own containerd; setsid so that it outlives the calling shell and build
    setsid /usr/sbin/dockerd --host "$HOST" --pidfile "$PIDFILE" >"$LOG" 2>&1 </dev/null &
    pid=$!
  fi
  local waited=0
  while ! daemon_up; do
    if ! kill -0 "$pid" 2>/dev/null; then
      log "dockerd exited during start-up; last lines of $LOG:"
      tail -n 30 "$LOG" >&2 || true
      return 1
    fi
    if [ "$waited" -ge "$TIMEOUT" ]; then
      log "dockerd did not answer within ${TIMEOUT}s; last lines of $LOG:"
      tail -n 30 "$LOG" >&2 || true
      return 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
  log "dockerd answers on $HOST after ${waited}s"
}

import_image() {
  if docker_cli image inspect "$IMAGE" >/dev/null 2>&1; then
    return 0
  fi
  local busybox
  busybox="$(command -v busybox || true)"
  [ -n "$busybox" ] || busybox=/bin/busybox
  local root
  root="$(mktemp -d)"
  mkdir -p "$root/bin" "$root/tmp" "$root/etc"
  cp "$busybox" "$root/bin/busybox"
  for applet in sh sleep echo cat ls ps nc httpd true false; do
    ln -s busybox "$root/bin/$applet"
  done
  echo 'root:x:0:0:root:/:/bin/sh' >"$root/etc/passwd"
  tar -C "$root" -c . | docker_cli import - "$IMAGE" >/dev/null
  rm -rf "$root"
  log "imported $IMAGE"
}

stop_daemon() {
  if [ ! -f "$PIDFILE" ]; then
    log "no dockerd started by this script"
    return 0
  fi
  local pid
  pid="$(cat "$PIDFILE")"
  if kill -0 "$pid" 2>/dev/null; then
    log "stopping dockerd $pid"
    kill -TERM "$pid"
    local waited=0
    while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 30 ]; do
      sleep 1
      waited=$((waited + 1))
    done
    if kill -0 "$pid" 2>/dev/null; then
      log "dockerd $pid did not stop within 30s; killing it"
      kill -KILL "$pid" || true
    fi
  fi
  rm -f "$PIDFILE"
}

if [ "$(id -u)" -ne 0 ]; then
  echo "docker.sh: must run as root (installs packages, starts dockerd)" >&2
  exit 1
fi

case "${1:-}" in
  start)
    if ! daemon_up; then
      install_packages
    elif ! dpkg -s busybox-static >/dev/null 2>&1; then
      install_packages
    fi
    start_daemon
    import_image
    ;;
  stop)
    stop_daemon
    ;;
  status)
    daemon_up
    ;;
  *)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
