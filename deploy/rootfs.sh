#!/usr/bin/env bash
# The Debian root file systems every MoldTank image starts from, built with no registry: debootstrap
# minbase bookworm from Debian's mirror, trimmed, then `docker import`. Two tags:
#   moldtank/debian:bookworm-<v>       minbase less docs, man pages, locales and apt lists. apt stays, so
#                                      deploy/images.sh can `docker build` PostgreSQL, Redis, HAProxy, ... on it
#   moldtank/debian-slim:bookworm-<v>  the same less apt, perl, debconf, PAM, util-linux, tzdata and glibc's
#                                      gconv modules: the app image's base (a jlink'd JVM needs only glibc,
#                                      the health check bash); dpkg and its status stay so the image can be audited
# Idempotent: existing tags are reused, and the trees stay under ROOTFS_DIR for the next import.
# The .debs are downloaded once into DEBOOTSTRAP_CACHE, the cache the sandbox image's debootstrap uses too
# (adapters-sandbox/scripts/build-image.sh).
#   DEPLOY_ROOTFS_VERSION  bump whenever this script changes what goes into a tree
set -euo pipefail

VERSION=${DEPLOY_ROOTFS_VERSION:-1}
BASE_TAG="moldtank/debian:bookworm-${VERSION}"
SLIM_TAG="moldtank/debian-slim:bookworm-${VERSION}"
ROOTFS_DIR=${ROOTFS_DIR:-/var/lib/moldtank/debian-rootfs-${VERSION}}
CACHE=${DEBOOTSTRAP_CACHE:-/var/cache/moldtank/debootstrap}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
# What the slim tree drops: apt and what only apt, perl, PAM, login and the disk tools need.
SLIM_DROP="apt libapt-pkg6.0 libstdc++6 gpgv debian-archive-keyring libgnutls30 libp11-kit0 libffi8 libtasn1-6
 libnettle8 libhogweed6 libgmp10 libidn2-0 libunistring2 libseccomp2 libxxhash0 adduser init-system-helpers debconf
 perl-base e2fsprogs logsave libext2fs2 libss2 libcom-err2 util-linux util-linux-extra mount libmount1 libsmartcols1
 libblkid1 libsystemd0 libudev1 libgcrypt20 libgpg-error0 liblz4-1 login passwd libpam-modules libpam-modules-bin
 libpam-runtime libpam0g libsemanage2 libsemanage-common libsepol2 libaudit1 libaudit-common libcap-ng0 libdb5.3
 tzdata sysvinit-utils hostname ncurses-bin"

have() { docker image inspect "$1" >/dev/null 2>&1; }

if have "$BASE_TAG" && have "$SLIM_TAG"; then
  echo "rootfs: reusing $BASE_TAG and $SLIM_TAG"
  exit 0
fi

base="$ROOTFS_DIR/base"
if [ ! -x "$base/usr/bin/apt-get" ]; then
  command -v debootstrap >/dev/null || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null; }
  echo "rootfs: debootstrap minbase bookworm into $base (package cache $CACHE)"
  mkdir -p "$CACHE" "$ROOTFS_DIR"; rm -rf "$base.partial"
  debootstrap --variant=minbase --cache-dir="$CACHE" bookworm "$base.partial" "$MIRROR" >/dev/null
  rm -rf "$base.partial"/var/cache/apt/archives/*.deb "$base.partial"/var/cache/apt/*.bin "$base.partial"/var/lib/apt/lists/* \
         "$base.partial"/usr/share/{doc,man,locale,info}/* "$base.partial"/var/cache/debconf/*-old "$base.partial"/var/log/*
  # Images built on this base install with apt: keep them lean (no recommends, no docs), and let no package
  # start its daemon during a build (the containers start them themselves).
  printf '#!/bin/sh\nexit 101\n' >"$base.partial/usr/sbin/policy-rc.d"; chmod +x "$base.partial/usr/sbin/policy-rc.d"
  printf 'APT::Install-Recommends "false";\nAPT::Install-Suggests "false";\n' >"$base.partial/etc/apt/apt.conf.d/90moldtank"
  printf 'path-exclude /usr/share/doc/*\npath-exclude /usr/share/man/*\npath-exclude /usr/share/locale/*\n' \
    >"$base.partial/etc/dpkg/dpkg.cfg.d/90moldtank"
  rm -rf "$base"; mv "$base.partial" "$base"
fi

slim="$ROOTFS_DIR/slim"
if [ ! -x "$slim/bin/bash" ]; then
  echo "rootfs: slimming a copy into $slim"
  rm -rf "$slim.partial"; cp -a "$base" "$slim.partial"
  # Their remove scripts would call the very tools going away (perl, update-alternatives); nothing they undo
  # matters in an image.
  for p in $SLIM_DROP; do rm -f "$slim.partial"/var/lib/dpkg/info/"$p"{,:amd64}.{prerm,postrm}; done
  # shellcheck disable=SC2086 # the list is meant to split
  chroot "$slim.partial" dpkg --purge --force-remove-essential --force-depends $SLIM_DROP >"$ROOTFS_DIR/slim-purge.log" 2>&1 \
    || { echo "rootfs: dpkg --purge failed, see $ROOTFS_DIR/slim-purge.log" >&2; exit 1; }
  rm -rf "$slim.partial"/usr/lib/x86_64-linux-gnu/gconv "$slim.partial"/var/cache/debconf "$slim.partial"/etc/apt \
         "$slim.partial"/var/lib/apt "$slim.partial"/var/cache/apt "$slim.partial"/var/log/*
  rm -rf "$slim"; mv "$slim.partial" "$slim"
fi

import() { # tree, tag
  have "$2" && return 0
  echo "rootfs: importing $2 ($(du -sh "$1" | cut -f1))"
  tar -C "$1" -c . | docker import -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    -c 'CMD ["/bin/bash"]' -c "LABEL io.moldtank.rootfs.version=${VERSION}" - "$2" >/dev/null
}
import "$base" "$BASE_TAG"
import "$slim" "$SLIM_TAG"
echo "rootfs: $BASE_TAG and $SLIM_TAG ready"
