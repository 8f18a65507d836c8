#!/usr/bin/env bash
# Builds the registry-less base image kam/jre-base as a `docker save`-format tarball that Jib reads with tar://.
#
#   build-base.sh OUT.tar JAVA_HOME
#
# Why: this build has no access to a container registry, so Jib cannot pull registry.access.redhat.com/ubi9/...
# Everything in this base comes from what the build already has: a Java runtime linked by jlink from the build's
# own JDK (only the modules the services need), the C library and /bin/sh from the build machine's Debian packages
# (libc6, zlib1g, dash), and the layout of the UBI OpenJDK images the Kubernetes manifests expect: user 185 (group 0),
# /deployments, and run-java.sh honouring JAVA_MAX_MEM_RATIO and JAVA_OPTS_APPEND. With registry access, build on
# the UBI image instead (deploy/images/README.md).
set -euo pipefail
out=$(realpath -m "$1")
java_home=$2
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/rootfs

# The modules the three services use (jdeps of their runtime class paths, plus what Kafka, Netty, JMX and JFR load
# reflectively); java.desktop stays out (no AWT; java.beans is not used).
modules=java.base,java.compiler,java.instrument,java.logging,java.management,java.naming,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.transaction.xa,java.xml,jdk.crypto.cryptoki,jdk.jfr,jdk.management,jdk.management.agent,jdk.naming.dns,jdk.net,jdk.security.auth,jdk.unsupported,jdk.zipfs
"$java_home/bin/jlink" --add-modules "$modules" --output "$root/opt/java" \
  --strip-debug --no-header-files --no-man-pages --compress zip-6

# Shared libraries of the runtime and of the shell, copied with their paths (and the dynamic loader).
mkdir -p "$root/bin"
cp -L /bin/dash "$root/bin/sh"
{ find "$root/opt/java" -type f \( -name '*.so' -o -perm -u+x \) -print0 | xargs -0 -n 50 ldd 2>/dev/null; ldd /bin/dash; } \
  | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// && $1 !~ /:$/ {print $1}' | sort -u \
  | while read -r lib; do cp --parents -L "$lib" "$root"; done
# Debian keeps the loader under /lib64 as a link; the JRE binaries ask for that path.
[ -e "$root/lib64/ld-linux-x86-64.so.2" ] || { mkdir -p "$root/lib64"; cp -L /lib64/ld-linux-x86-64.so.2 "$root/lib64/"; }

mkdir -p "$root/etc" "$root/proc" "$root/tmp" "$root/deployments" "$root/home/jboss" "$root/opt/jboss/container/java/run"
chmod 1777 "$root/tmp"
printf 'root:x:0:0:root:/root:/bin/sh\njboss:x:185:0:jboss:/home/jboss:/sbin/nologin\n' > "$root/etc/passwd"
printf 'root:x:0:\n' > "$root/etc/group"
install -m 0755 "$here/run-java.sh" "$root/opt/jboss/container/java/run/run-java.sh"

# One layer, reproducible: sorted names, owner root, fixed times.
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -C "$root" -cf "$work/layer.tar" .
diff_id=sha256:$(sha256sum "$work/layer.tar" | cut -d' ' -f1)
java_version=$("$root/opt/java/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.runtime.version/ {print $2}')
cat > "$work/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"Env":["PATH=/opt/java/bin:/bin","JAVA_HOME=/opt/java","LANG=C.UTF-8"],"User":"185","WorkingDir":"/deployments",
   "Labels":{"org.opencontainers.image.title":"kam/jre-base","org.opencontainers.image.description":"Java ${java_version} (jlink of the build JDK) with the C library of the build machine"}},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"deploy/images/base/build-base.sh"}]}
JSON
printf '[{"Config":"config.json","RepoTags":["kam/jre-base:latest"],"Layers":["layer.tar"]}]\n' > "$work/manifest.json"
mkdir -p "$(dirname "$out")"
tar --owner=0 --group=0 --numeric-owner --mtime=@0 -C "$work" -cf "$out" manifest.json config.json layer.tar
echo "kam/jre-base: $out ($(du -h "$out" | cut -f1), Java ${java_version}, $diff_id)"
