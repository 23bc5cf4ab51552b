#!/usr/bin/env bash
# Builds the sandbox image with no registry: debootstrap minbase bookworm from Debian's mirror,
# python3 + pytest + Debian's nodejs, trimmed, then `docker import`. Idempotent: an existing tag is
# reused. The rootfs directory is kept (ROOTFS) so the bubblewrap sandbox can use the same root.
#   SANDBOX_IMAGE_VERSION  tag to build (default below; bump it whenever this script changes)
#   SANDBOX_ROOTFS         where the rootfs lives (default /var/lib/moldtank/sandbox-rootfs-<version>)
set -euo pipefail

VERSION=${SANDBOX_IMAGE_VERSION:-1}
TAG="moldtank/sandbox:${VERSION}"
ROOTFS=${SANDBOX_ROOTFS:-/var/lib/moldtank/sandbox-rootfs-${VERSION}}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
# The .debs are cached where deploy/rootfs.sh looks too, so the sandbox and the deploy images share one download.
CACHE=${DEBOOTSTRAP_CACHE:-/var/cache/moldtank/debootstrap}
PACKAGES=python3,python3-pytest,nodejs

have_image() { docker image inspect "$TAG" >/dev/null 2>&1; }

if have_image && [ -x "$ROOTFS/usr/bin/python3" ]; then
  echo "sandbox image: reusing $TAG ($(docker image inspect -f '{{.Id}}' "$TAG"))"
  exit 0
fi

if [ ! -x "$ROOTFS/usr/bin/node" ]; then
  command -v debootstrap >/dev/null || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null; }
  echo "sandbox image: debootstrap bookworm ($PACKAGES) into $ROOTFS"
  rm -rf "$ROOTFS.partial"; mkdir -p "$(dirname "$ROOTFS")"
  mkdir -p "$CACHE"
  debootstrap --variant=minbase --cache-dir="$CACHE" --include="$PACKAGES" bookworm "$ROOTFS.partial" "$MIRROR" >/dev/null
  # Trim what a test run never reads: package caches and lists, docs, man pages, locales.
  rm -rf "$ROOTFS.partial"/var/cache/apt/archives/*.deb "$ROOTFS.partial"/var/lib/apt/lists/* \
         "$ROOTFS.partial"/usr/share/{doc,man,locale,info}/* "$ROOTFS.partial"/var/cache/debconf/*-old
  # The work directory the sandboxes mount a tmpfs over (Docker) or bind into (bubblewrap).
  mkdir -p "$ROOTFS.partial/work"
  rm -rf "$ROOTFS"; mv "$ROOTFS.partial" "$ROOTFS"
fi

if ! have_image; then
  echo "sandbox image: importing $TAG"
  tar -C "$ROOTFS" -c . | docker import \
    -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    -c 'ENV HOME=/tmp' -c 'USER 65534:65534' -c 'WORKDIR /work' \
    -c "LABEL io.moldtank.sandbox.version=${VERSION}" - "$TAG" >/dev/null
fi
echo "sandbox image: $TAG ($(docker image inspect -f '{{.Id}}' "$TAG"))"
