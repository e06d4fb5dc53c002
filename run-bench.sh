#!/usr/bin/env bash
# Thin entry point: find a JDK >= 25, build the jar when it is missing or stale, run the Java CLI.
# Everything else (profiles, reports, gating, cleaning) lives in io.shmbench.cli, where it is tested.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
jar="target/shmbench.jar"
min_jdk=25

jdk_major() { # prints the feature version of the JDK at $1, or nothing
  local v
  v="$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n1)" || return 0
  echo "${v%%.*}"
}

find_jdk() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/javac" ]]; then
    local m; m="$(jdk_major "$JAVA_HOME")"
    if [[ -n "$m" && "$m" -ge $min_jdk ]]; then echo "$JAVA_HOME"; return; fi
  fi
  local best="" best_v=0 d m
  for d in /usr/lib/jvm/*/; do
    d="${d%/}"
    [[ -x "$d/bin/javac" ]] || continue
    m="$(jdk_major "$d")"
    if [[ -n "$m" && "$m" -ge $min_jdk && "$m" -gt $best_v ]]; then best="$d"; best_v="$m"; fi
  done
  echo "$best"
}

JAVA_HOME="$(find_jdk)"
if [[ -z "$JAVA_HOME" ]]; then
  cat >&2 <<MSG
run-bench.sh: no JDK ${min_jdk} or newer found (looked at \$JAVA_HOME and /usr/lib/jvm/*).
Install one, e.g. Temurin ${min_jdk} (https://adoptium.net, or 'apt-get install temurin-${min_jdk}-jdk'
from the Adoptium apt repository), or your distribution's openjdk-${min_jdk}-jdk, then run again,
or point JAVA_HOME at it.
MSG
  exit 2
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"

if [[ "${1:-}" == "test" ]]; then
  shift
  exec mvn -B -Pjcstress verify "$@" # -Pjcstress: the memory-order proofs, quick mode, after the unit tests
fi

if [[ ! -f "$jar" || -n "$(find pom.xml src/main -newer "$jar" -print -quit)" ]]; then
  echo "run-bench.sh: building $jar with $JAVA_HOME ..." >&2
  mvn -B -q -DskipTests package >&2
fi

# JVM flags for this process; peers and JMH forks get theirs from io.shmbench.cli.JvmFlags.
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
  -Djava.awt.headless=true -jar "$jar" "$@"
