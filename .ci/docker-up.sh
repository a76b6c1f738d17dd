#!/usr/bin/env bash
# Prepares Docker for CI on a machine with no registry and no bridge networking:
#   1. installs docker.io, debootstrap, nginx and docker-compose from Debian when missing;
#   2. starts a private dockerd (--bridge=none --iptables=false; containers use host networking only)
#      and records its pid for .ci/docker-down.sh;
#   3. makes the local JRE base image (debootstrap a minimal Debian + openjdk-17-jre-headless, then
#      docker import) unless it already exists, and tags it alpine:3.17 for Testcontainers' checks.
# Idempotent: a rerun on the same machine reuses the running daemon, the image or the cached rootfs.
# Prints nothing on stdout; progress goes to stderr. Exit code non-zero means Docker is NOT usable.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=.ci/lib-docker.sh
. "$here/lib-docker.sh"

install_packages() {
    local missing=()
    command -v dockerd >/dev/null || missing+=(docker.io)
    command -v docker >/dev/null || missing+=(docker.io)
    command -v debootstrap >/dev/null || missing+=(debootstrap)
    command -v nginx >/dev/null || missing+=(nginx)
    command -v docker-compose >/dev/null || missing+=(docker-compose)
    [ ${#missing[@]} -eq 0 ] && return 0
    log "installing ${missing[*]}"
    # Package scripts must not start docker.service or nginx on port 80 behind our back.
    local added_policy=false
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
        chmod +x /usr/sbin/policy-rc.d
        added_policy=true
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
    if $added_policy; then rm -f /usr/sbin/policy-rc.d; fi
}

daemon_answers() { dk info >/dev/null 2>&1; }

start_daemon() {
    mkdir -p "$SEQSERVE_CI_STATE"
    if [ -f "$DOCKERD_PIDFILE" ] && kill -0 "$(cat "$DOCKERD_PIDFILE")" 2>/dev/null && daemon_answers; then
        log "reusing dockerd pid $(cat "$DOCKERD_PIDFILE")"
        return 0
    fi
    if daemon_answers; then
        # Someone else's engine: use it, but never stop it (no pid file of ours).
        log "a Docker engine already answers on $DOCKER_SOCKET; using it and leaving it running"
        rm -f "$DOCKERD_PIDFILE"
        return 0
    fi
    rm -f "$DOCKER_SOCKET" "$DOCKERD_PIDFILE"
    log "starting dockerd (--bridge=none --iptables=false), log in $DOCKERD_LOG"
    # setsid: the daemon outlives this script and is stopped by docker-down.sh through its pid.
    setsid dockerd \
        --host "unix://$DOCKER_SOCKET" \
        --bridge=none --iptables=false --ip-masq=false \
        --pidfile "$SEQSERVE_CI_STATE/dockerd.self.pid" \
        >"$DOCKERD_LOG" 2>&1 </dev/null &
    echo $! >"$DOCKERD_PIDFILE"
    for _ in $(seq 1 60); do
        if daemon_answers; then
            # dockerd's own pid file is the authority (setsid keeps the pid, but be sure).
            if [ -s "$SEQSERVE_CI_STATE/dockerd.self.pid" ]; then
                cp "$SEQSERVE_CI_STATE/dockerd.self.pid" "$DOCKERD_PIDFILE"
            fi
            log "dockerd up (pid $(cat "$DOCKERD_PIDFILE"), storage driver $(dk info -f '{{.Driver}}'))"
            return 0
        fi
        if ! kill -0 "$(cat "$DOCKERD_PIDFILE")" 2>/dev/null; then
            log "dockerd exited during start-up:"; tail -20 "$DOCKERD_LOG" >&2; return 1
        fi
        sleep 0.5
    done
    log "dockerd did not answer within 30 s:"; tail -20 "$DOCKERD_LOG" >&2
    return 1
}

# A Debian rootfs with the JRE, as a tar file in the cache (kept between runs on this machine).
make_rootfs_tar() {
    local tar=$1 root="$SEQSERVE_CI_CACHE/rootfs.partial"
    mkdir -p "$SEQSERVE_CI_CACHE"
    rm -rf "$root"
    log "debootstrap $DEBIAN_SUITE (minbase + openjdk-17-jre-headless) from $DEBIAN_MIRROR"
    debootstrap --variant=minbase --include=openjdk-17-jre-headless \
        "$DEBIAN_SUITE" "$root" "$DEBIAN_MIRROR" >"$SEQSERVE_CI_STATE/debootstrap.log" 2>&1 \
        || { tail -30 "$SEQSERVE_CI_STATE/debootstrap.log" >&2; return 1; }
    # What a runtime image does not need: package caches, docs, man pages.
    rm -rf "${root:?}"/var/cache/apt/archives/*.deb "${root:?}"/var/lib/apt/lists/* \
        "${root:?}"/usr/share/doc/* "${root:?}"/usr/share/man/* "${root:?}"/usr/share/info/* \
        "${root:?}"/usr/share/locale/* "${root:?}"/var/log/* "${root:?}"/tmp/* "${root:?}"/dev/*
    tar --numeric-owner -C "$root" -cf "$tar.partial" .
    mv "$tar.partial" "$tar"
    rm -rf "$root"
}

ensure_base_image() {
    if dk image inspect "$SEQSERVE_BASE_IMAGE" >/dev/null 2>&1; then
        log "base image $SEQSERVE_BASE_IMAGE present"
    else
        local tar="$SEQSERVE_CI_CACHE/jre-base-17-$DEBIAN_SUITE.tar" start=$SECONDS
        [ -s "$tar" ] || make_rootfs_tar "$tar"
        dk import \
            --change 'ENV LANG=C.UTF-8' \
            --change 'ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64' \
            --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
            --change 'CMD ["bash"]' \
            "$tar" "$SEQSERVE_BASE_IMAGE" >/dev/null
        log "base image $SEQSERVE_BASE_IMAGE built in $((SECONDS - start)) s"
    fi
    # Testcontainers' start-up checks run `alpine:3.17`; any image with tail and df will do.
    dk tag "$SEQSERVE_BASE_IMAGE" alpine:3.17
    log "base image size: $(dk image inspect -f '{{.Size}}' "$SEQSERVE_BASE_IMAGE" | awk '{printf "%.0f MB", $1/1e6}')"
}

install_packages
start_daemon
ensure_base_image
