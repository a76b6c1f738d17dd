#!/usr/bin/env bash
# Validates docker-compose.yml with whichever compose tool is installed (Debian has docker-compose 1.29;
# the docker compose plugin is used where present). Needs no running engine.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if docker compose version >/dev/null 2>&1; then
    compose=(docker compose)
elif command -v docker-compose >/dev/null; then
    compose=(docker-compose)
else
    echo "compose-validate: no compose tool installed (apt-get install docker-compose)" >&2
    exit 1
fi
"${compose[@]}" -f docker-compose.yml config -q
echo "compose-validate: docker-compose.yml is valid ($("${compose[@]}" version --short 2>/dev/null || "${compose[@]}" version | head -1))"
