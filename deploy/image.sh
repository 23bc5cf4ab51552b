#!/usr/bin/env bash
# `./moldtank image`: the MoldTank OCI image, built here with no registry (nothing is pulled):
#   1. the slim Debian root of deploy/rootfs.sh (debootstrap + docker import), shared with the other images;
#   2. a runtime jlink'd from this JDK with only the modules jdeps finds in app/target/moldtank.jar and its libs/;
#   3. `docker build` of deploy/app/Dockerfile: non-root user, HEALTHCHECK on /observe/health/ready;
#   4. a check: the image started on embedded defaults must turn healthy and list bounties.
# Needs the built distribution (the launcher packages it first), a JDK 21+ in JAVA_HOME, and a Docker engine
# (.ci/docker.sh starts one). Tags moldtank/moldtank:<version> and moldtank/moldtank:local.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=app/target/moldtank.jar
libs=app/target/libs
[ -f "$jar" ] && [ -d "$libs" ] || { echo "image: $jar or $libs missing (./moldtank build)" >&2; exit 1; }
docker version >/dev/null 2>&1 || { echo "image: no Docker engine answers (bash .ci/docker.sh starts one)" >&2; exit 1; }
version=$(sed -n 's/^version=//p' app/target/classes/io/moldtank/app/build.properties 2>/dev/null || true)
version=${version:-dev}
tag="moldtank/moldtank:${version}"

bash deploy/rootfs.sh

ctx=app/target/image
rm -rf "$ctx"; mkdir -p "$ctx"
modules=$(jdeps --ignore-missing-deps --print-module-deps --multi-release 21 --class-path "$libs/*" "$jar")
echo "image: jlink $modules"
jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=zip-9 --output "$ctx/runtime"
# jlink keeps the native libraries' symbol tables (about 5 MB in libjvm.so alone); the JVM does not read them.
if command -v strip >/dev/null; then
  find "$ctx/runtime" -name '*.so' -exec strip --strip-unneeded {} +
fi
mkdir -p "$ctx/app"; cp "$jar" "$ctx/app/"; cp -r "$libs" "$ctx/app/libs"
cp deploy/app/ready "$ctx/ready"
# The legacy builder: BuildKit is not part of Debian's docker.io 20.10, and it needs nothing it adds.
DOCKER_BUILDKIT=0 docker build -q --build-arg VERSION="$version" \
  --build-arg BASE="moldtank/debian-slim:bookworm-${DEPLOY_ROOTFS_VERSION:-1}" -t "$tag" -t moldtank/moldtank:local \
  -f deploy/app/Dockerfile "$ctx" >"$ctx/build.log" 2>&1 \
  || { echo "image: docker build failed:" >&2; tail -20 "$ctx/build.log" >&2; exit 1; }
bytes=$(docker image inspect -f '{{.Size}}' "$tag")
echo "image: $tag is $((bytes / 1000000)) MB (runtime $(du -sm "$ctx/runtime" | cut -f1) MiB, app $(du -sm "$ctx/app" | cut -f1) MiB)"

# The image as an operator first meets it: embedded defaults, no configuration.
name="moldtank-image-check-$$"
docker run -d --rm --name "$name" -p 127.0.0.1::8080 --health-interval=2s "$tag" >/dev/null
trap 'docker rm -f "$name" >/dev/null 2>&1 || true' EXIT
health=starting
for _ in $(seq 1 60); do
  health=$(docker inspect -f '{{.State.Health.Status}}' "$name" 2>/dev/null || echo gone)
  [ "$health" = starting ] || break
  sleep 1
done
port=$(docker port "$name" 8080/tcp | head -1 | sed 's/.*://')
if [ "$health" != healthy ] || ! curl -sf "http://127.0.0.1:$port/api/v1/bounties" >/dev/null; then
  echo "image: $tag did not turn healthy ($health); its log:" >&2
  docker logs "$name" 2>&1 | tail -30 >&2
  exit 1
fi
echo "image: $tag started as $(docker exec "$name" id -un), turned healthy and listed bounties"
