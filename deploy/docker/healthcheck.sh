#!/bin/bash
# Container health check: healthy while GET /actuator/health/readiness answers 200.
# Plain bash (/dev/tcp) so that the image needs neither curl nor wget, on any base image with bash.
port=${SERVER_PORT:-8080}
exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
printf 'GET /actuator/health/readiness HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
IFS= read -r -t 3 status <&3 || exit 1
[[ $status =~ ^HTTP/1\.[01]\ 200 ]]
