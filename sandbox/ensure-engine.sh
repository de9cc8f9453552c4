#!/usr/bin/env bash
# Make sure a Docker engine answers. As root on Debian/Ubuntu with none: install docker.io (and
# debootstrap, for building the sandbox image offline) and start dockerd detached, logging to a
# file so that it never holds the caller's output. Otherwise say in one line what to do.
set -u
log=/var/log/cpsolve-dockerd.log

if docker info >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "cpsolve: no Docker engine answers; start one (or join the docker group) and retry" >&2
  exit 3
fi
if ! command -v dockerd >/dev/null 2>&1 || ! command -v debootstrap >/dev/null 2>&1; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "cpsolve: no Docker engine and no apt-get here; install Docker and retry" >&2
    exit 3
  fi
  echo "installing docker.io and debootstrap" >&2
  apt-get update -qq >/dev/null &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io debootstrap >/dev/null ||
    { echo "cpsolve: apt-get install docker.io failed" >&2; exit 3; }
fi
if ! docker info >/dev/null 2>&1; then
  echo "starting dockerd (log: $log)" >&2
  setsid nohup dockerd >"$log" 2>&1 </dev/null &
  for _ in $(seq 60); do
    docker info >/dev/null 2>&1 && exit 0
    sleep 1
  done
  echo "cpsolve: dockerd did not start; see $log" >&2
  exit 3
fi
