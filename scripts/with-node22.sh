#!/usr/bin/env bash
# Runs a command with Node 22 (the Lambda runtime's major) first on PATH. Uses the machine's node if it
# is 22 already; otherwise the packaged binary from the npm registry (node-linux-<arch>@22), kept in
# .cache/ so a second run fetches nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(node -p 'process.versions.node.split(".")[0]')" = 22 ]; then exec "$@"; fi
arch=$(node -p 'process.arch')
dir=.cache/node22-$arch
if [ ! -x "$dir/bin/node" ]; then
  rm -rf "$dir" && mkdir -p "$dir"
  tarball=$(npm pack --silent --pack-destination "$dir" "node-linux-$arch@22")
  tar -xzf "$dir/$tarball" -C "$dir" --strip-components=1 package/bin/node
  rm -f "$dir/$tarball"
fi
PATH="$(pwd)/$dir/bin:$PATH" exec "$@"
