#!/usr/bin/env bash
# Stops the dockerd that .ci/docker-up.sh started, by its recorded pid, and nothing else.
# Safe to call twice, or when docker-up.sh never ran or reused someone else's engine.
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=.ci/lib-docker.sh
. "$here/lib-docker.sh"

[ -f "$DOCKERD_PIDFILE" ] || { log "no dockerd of ours to stop"; exit 0; }
pid=$(cat "$DOCKERD_PIDFILE")
if ! kill -0 "$pid" 2>/dev/null; then
    log "dockerd pid $pid already gone"
    rm -f "$DOCKERD_PIDFILE"
    exit 0
fi

# Our daemon only ever runs CI containers: remove them first so shutdown does not wait on them.
mapfile -t ids < <(dk ps -aq 2>/dev/null)
if [ ${#ids[@]} -gt 0 ]; then dk rm -f "${ids[@]}" >/dev/null 2>&1 || true; fi
# Test images and the build stages they leave behind; the base image and its alpine:3.17 tag stay.
mapfile -t its < <(dk images -q seqserve-it 2>/dev/null | sort -u)
if [ ${#its[@]} -gt 0 ]; then dk rmi -f "${its[@]}" >/dev/null 2>&1 || true; fi
dk image prune -f >/dev/null 2>&1 || true

log "stopping dockerd pid $pid"
kill -TERM "$pid"
for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$DOCKERD_PIDFILE"; log "dockerd stopped"; exit 0; }
    sleep 0.5
done
log "dockerd pid $pid ignored SIGTERM for 30 s; sending SIGKILL"
kill -KILL "$pid" 2>/dev/null || true
rm -f "$DOCKERD_PIDFILE"
