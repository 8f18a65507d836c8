# shellcheck shell=bash
# Finds a JDK >= 21 for KAM Platform and exports JAVA_HOME and PATH. Source it: it prints nothing on success and
# returns 1 with a message on stderr when no suitable JDK exists. Used by ./deploy/local/run and .ci/run.
#
# Order: $JAVA_HOME if it is >= 21, then `java` on PATH, then the newest JDK >= 21 under /usr/lib/jvm (Linux)
# or /Library/Java/JavaVirtualMachines (macOS).

KAM_MIN_JAVA=21

# Major version of a java binary ("1.8.0_392" -> 8, "21.0.2" -> 21, "25" -> 25); empty if it does not run.
kam_java_major() {
  local version
  version="$("$1" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1)" || return 0
  case "$version" in
    1.*) version="${version#1.}" ;;
  esac
  printf '%s' "${version%%[.+-]*}"
}

# Succeeds when $1/bin/java exists and is >= KAM_MIN_JAVA.
kam_is_suitable_jdk() {
  local major
  [ -n "$1" ] && [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  major="$(kam_java_major "$1/bin/java")"
  [ -n "$major" ] && [ "$major" -ge "$KAM_MIN_JAVA" ] 2>/dev/null
}

kam_find_jdk() {
  local candidate best="" best_major=0 major java_on_path
  if kam_is_suitable_jdk "${JAVA_HOME:-}"; then
    best="$JAVA_HOME"
  else
    java_on_path="$(command -v java 2>/dev/null || true)"
    if [ -n "$java_on_path" ]; then
      candidate="$(dirname "$(dirname "$(readlink -f "$java_on_path" 2>/dev/null || printf '%s' "$java_on_path")")")"
      if kam_is_suitable_jdk "$candidate"; then
        best="$candidate"
      fi
    fi
  fi
  if [ -z "$best" ]; then
    for candidate in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
      [ -d "$candidate" ] && [ ! -L "$candidate" ] || continue
      kam_is_suitable_jdk "$candidate" || continue
      major="$(kam_java_major "$candidate/bin/java")"
      if [ "$major" -gt "$best_major" ]; then
        best="$candidate"
        best_major="$major"
      fi
    done
  fi
  if [ -z "$best" ]; then
    echo "KAM Platform needs a JDK $KAM_MIN_JAVA or newer, and none was found" \
      "(JAVA_HOME=${JAVA_HOME:-unset}, java on PATH: $(command -v java 2>/dev/null || echo none))." >&2
    echo "Install JDK $KAM_MIN_JAVA+ (e.g. Temurin from https://adoptium.net) and set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME="$best"
  export PATH="$JAVA_HOME/bin:$PATH"
}

kam_find_jdk
