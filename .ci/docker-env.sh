# Environment for the Docker-backed tests; `source .ci/docker-env.sh` after .ci/docker-up.sh.
# shellcheck shell=bash
export DOCKER_HOST=unix://${DOCKER_SOCKET:-/var/run/docker.sock}
# Ryuk (Testcontainers' reaper) is an image from a registry: unavailable here. The ITs stop their own
# containers, and .ci/docker-down.sh removes any left over.
export TESTCONTAINERS_RYUK_DISABLED=true
# Testcontainers believes it runs inside a container (/.dockerenv) and would look for the default
# bridge network, which our dockerd does not have (--bridge=none); host networking means localhost.
export TESTCONTAINERS_HOST_OVERRIDE=localhost
# The local JRE base image that .ci/docker-up.sh makes, passed as the Dockerfile's BASE_IMAGE.
export SEQSERVE_BASE_IMAGE=${SEQSERVE_BASE_IMAGE:-seqserve/jre-base:17}
# In CI the container and gateway tests must run: fail rather than skip when Docker or nginx is missing.
export SEQSERVE_REQUIRE_DOCKER=true
export SEQSERVE_REQUIRE_NGINX=true
