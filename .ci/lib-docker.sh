# Shared settings for the .ci docker scripts; sourced, never run.
# shellcheck shell=bash disable=SC2034  # the variables are used by the scripts that source this
# Everything here can be overridden from the environment.

SEQSERVE_CI_STATE=${SEQSERVE_CI_STATE:-/var/tmp/seqserve-ci}
SEQSERVE_CI_CACHE=${SEQSERVE_CI_CACHE:-/var/cache/seqserve-ci}
SEQSERVE_BASE_IMAGE=${SEQSERVE_BASE_IMAGE:-seqserve/jre-base:17}
SEQSERVE_IMAGE=${SEQSERVE_IMAGE:-seqserve:ci}
DEBIAN_SUITE=${DEBIAN_SUITE:-bookworm}
DEBIAN_MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
DOCKER_SOCKET=${DOCKER_SOCKET:-/var/run/docker.sock}
DOCKERD_PIDFILE="$SEQSERVE_CI_STATE/dockerd.pid"
DOCKERD_LOG="$SEQSERVE_CI_STATE/dockerd.log"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# docker CLI pinned to our socket, whatever DOCKER_HOST the caller has.
dk() { docker -H "unix://$DOCKER_SOCKET" "$@"; }
