#!/usr/bin/env bash
# Builds the mapdb-consumer project as a user would, against artifacts installed into a throwaway
# local repository (never ~/.m2), and checks which versions of MapDB's dependencies it resolves:
# the pins backend-mapdb declares in its own POM, not the newest in MapDB's open ranges.
#   offline-bom/src/it/check-consumer.sh [SEED_REPOSITORY]
# SEED_REPOSITORY (default ~/.m2/repository) is copied first so that the check runs offline.
set -euo pipefail
cd "$(dirname "$0")/../../.."
seed="${1:-$HOME/.m2/repository}"
repo="$(mktemp -d)/repository"
trap 'rm -rf "$(dirname "$repo")"' EXIT
cp -r "$seed" "$repo"
mvn -B -ntp -o -q -Dmaven.repo.local="$repo" -DskipTests -pl offline-bom,backend-mapdb,offline-engine -am install
list="$(mvn -B -ntp -o -Dmaven.repo.local="$repo" -f offline-bom/src/it/mapdb-consumer/pom.xml \
    dependency:list -DincludeScope=runtime -DoutputAbsoluteArtifactFilename=false)"
fail=0
for pin in com.google.guava:guava:jar:33.5.0-jre org.jetbrains.kotlin:kotlin-stdlib:jar:1.9.25 \
        org.eclipse.collections:eclipse-collections:jar:10.4.0 org.mapdb:mapdb:jar:3.1.0; do
    if grep -q "$pin" <<<"$list"; then echo "ok: $pin"; else echo "MISSING: $pin"; fail=1; fi
done
grep -E "^\[INFO\] +(com.google.guava:guava|org.jetbrains.kotlin:kotlin-stdlib|org.eclipse.collections)" <<<"$list" || true
exit $fail
