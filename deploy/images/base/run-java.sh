#!/bin/sh
# The part of the UBI OpenJDK images' run-java.sh that the KAM manifests use, so the same Deployments run on
# either base: the heap as JAVA_MAX_MEM_RATIO percent of the container's memory (default 80), JAVA_OPTS_APPEND,
# then the jar named by JAVA_APP_JAR.
set -e
ratio=${JAVA_MAX_MEM_RATIO:-80}
# shellcheck disable=SC2086 # JAVA_OPTS_APPEND holds several options on purpose
exec java -XX:MaxRAMPercentage="$ratio" -XX:+ExitOnOutOfMemoryError $JAVA_OPTS_APPEND -jar "${JAVA_APP_JAR:?JAVA_APP_JAR is not set}" "$@"
