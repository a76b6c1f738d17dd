#!/usr/bin/env bash
# Lints openapi.yaml with Redocly's recommended rules (redocly.yaml) using the @redocly/cli version
# pinned in .ci/openapi-lint/package-lock.json, installed from the npm registry by `npm ci`.
set -euo pipefail
cd "$(dirname "$0")/.."

npm ci --prefix .ci/openapi-lint --no-audit --no-fund --loglevel=error
# No usage telemetry and no update check: CI reaches only the package registries.
REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true \
    .ci/openapi-lint/node_modules/.bin/redocly lint --config redocly.yaml openapi.yaml
