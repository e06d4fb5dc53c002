#!/usr/bin/env bash
# Thin entry point: find a JDK >= 25, build the jar when it is missing or stale, run the Java CLI.
# Everything else (profiles, reports, gating, cleaning) lives in io.shmbench.cli, where it is tested.
set -euo pipefail

JAVA_HOME_GIVEN="${JAVA_HOME:-}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
jar="target/shmbench.jar"
min_jdk=25
jvm_root="${SHMBENCH_JVM_ROOT:-/usr/lib/jvm}" # where installed JDKs live; tests point it at fake ones

jdk_major() { # prints the feature version of the JDK at $1, or nothing
  local v
  v="$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n1)" || return 0
  v="${v%%.*}"
  if [[ "$v" =~ ^[0-9]+$ ]]; then echo "$v"; fi
}

find_jdk() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/javac" ]]; then
    local m; m="$(jdk_major "$JAVA_HOME")"
    if [[ -n "$m" && "$m" -ge $min_jdk ]]; then echo "$JAVA_HOME"; return; fi
  fi
  local best="" best_v=0 d m
  for d in "$jvm_root"/*/; do
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
run-bench.sh: shmbench needs a JDK ${min_jdk} or newer and found none (looked at \$JAVA_HOME=${JAVA_HOME_GIVEN:-<unset>} and ${jvm_root}/*).
Install one, e.g. Temurin ${min_jdk} (https://adoptium.net, or 'apt-get install temurin-${min_jdk}-jdk'
from the Adoptium apt repository), or your distribution's openjdk-${min_jdk}-jdk, then run again,
or point JAVA_HOME at it.
MSG
  exit 2
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
if [[ -n "${SHMBENCH_PRINT_JDK:-}" ]]; then # dry switch: say which JDK would be used, run nothing
  echo "$JAVA_HOME"
  exit 0
fi

need_mvn() {
  command -v mvn >/dev/null && return
  echo "run-bench.sh: building shmbench needs Maven 3.8 or newer (mvn), which is not on the PATH; install it (e.g. 'apt-get install maven') and run again." >&2
  exit 2
}

if [[ "${1:-}" == "test" ]]; then
  shift
  need_mvn
  exec mvn -B -Pjcstress verify "$@" # -Pjcstress: the memory-order proofs, quick mode, after the unit tests
fi

if [[ ! -f "$jar" || -n "$(find pom.xml src/main -newer "$jar" -print -quit)" ]]; then
  need_mvn
  echo "run-bench.sh: building $jar with $JAVA_HOME ..." >&2
  mvn -B -q -DskipTests package >&2
fi

# JVM flags for this process; child JVMs and JMH forks get theirs from io.shmbench.process.JavaCommand.
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
  -Djava.awt.headless=true -jar "$jar" "$@"
