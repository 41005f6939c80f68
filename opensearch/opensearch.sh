#!/usr/bin/env bash
# Local single-node OpenSearch for development and CI, without Docker.
#
#   bash opensearch/opensearch.sh [start]   build if needed, start, wait until healthy
#   bash opensearch/opensearch.sh stop      stop by pid and wait until the port is closed
#   bash opensearch/opensearch.sh status    exit 0 if healthy, 1 if starting, 3 if not running
#
# How it works
#   opensearch/pom.xml resolves the OpenSearch server jar and a few standard modules
#   (transport-netty4 for HTTP, analysis-common, lang-painless, mapper-extras, reindex)
#   from Maven Central into opensearch/target/lib/ (jars cached in ~/.m2), and compiles
#   src/main/java/.../LocalNode.java, a small launcher that starts one node with those
#   modules registered as classpath plugins. No OpenSearch tarball, no Docker.
#
#   The node listens on http://127.0.0.1:9200 only (network.host=127.0.0.1, transport on
#   loopback too), discovery.type=single-node, heap -Xms512m -Xmx1g. There is no security
#   plugin on the classpath, so it is plain HTTP without authentication.
#   Data, logs, pid file and temp dir live in .opensearch/ at the repository top.
#
# Running as root
#   The stock launcher (org.opensearch.bootstrap.OpenSearch) refuses to run as root and
#   has no setting to allow it. LocalNode does not go through that bootstrap: it builds
#   the node directly (like OpenSearch's own test clusters do), so the root check, the
#   production bootstrap checks (vm.max_map_count, file descriptors, ...), mlockall and
#   the seccomp filter are not involved. That is what lets this script run unchanged as
#   root in a fresh CI machine, and as a normal user on a laptop. Never expose this node
#   beyond loopback.
#
# Environment
#   OPENSEARCH_JAVA_HOME   JDK to use (21+); default: the newest JDK 21+ found
#   OPENSEARCH_PORT        HTTP port (default 9200)
#   OPENSEARCH_TIMEOUT     seconds to wait for health on start (default 180)
#   OPENSEARCH_JAVA_OPTS   extra JVM options
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
STATE="$ROOT/.opensearch"
PIDFILE="$STATE/opensearch.pid"
LOG="$STATE/logs/opensearch.log"
BUILD_LOG="$STATE/logs/build.log"
TARGET="$HERE/target"
JAR="$TARGET/opensearch-local-node.jar"
STAMP="$TARGET/.built"
HOST=127.0.0.1
PORT="${OPENSEARCH_PORT:-9200}"
TIMEOUT="${OPENSEARCH_TIMEOUT:-180}"
URL="http://$HOST:$PORT"

say() { echo "opensearch: $*"; }
die() { echo "opensearch: $*" >&2; exit 1; }

# --- Java ---------------------------------------------------------------------------

java_major() { # JDK dir -> major version (0 if not a JDK)
    local v=""
    [ -x "$1/bin/java" ] || { echo 0; return; }
    if [ -f "$1/release" ]; then
        v="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release")"
    fi
    if [ -z "$v" ]; then
        v="$("$1/bin/java" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p')"
    fi
    echo "${v:-0}"
}

find_java() { # newest JDK >= 21: OPENSEARCH_JAVA_HOME, JAVA_HOME, /usr/lib/jvm/*, java on PATH
    local c best="" best_v=0 v
    if [ -n "${OPENSEARCH_JAVA_HOME:-}" ]; then
        [ "$(java_major "$OPENSEARCH_JAVA_HOME")" -ge 21 ] \
            || die "OPENSEARCH_JAVA_HOME=$OPENSEARCH_JAVA_HOME is not a JDK 21+"
        echo "$OPENSEARCH_JAVA_HOME"; return
    fi
    local candidates=("${JAVA_HOME:-}" /usr/lib/jvm/* /opt/java/* /opt/jdk*)
    if command -v java >/dev/null; then
        candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
    fi
    for c in "${candidates[@]}"; do
        [ -n "$c" ] && [ -d "$c" ] && [ ! -L "$c" ] || continue
        v="$(java_major "$c")"
        if [ "$v" -ge 21 ] && [ "$v" -gt "$best_v" ]; then best="$c"; best_v="$v"; fi
    done
    [ -n "$best" ] || die "no JDK 21+ found (OpenSearch 3.x needs one); install e.g. a Temurin 21/25 JDK or set OPENSEARCH_JAVA_HOME"
    echo "$best"
}

# --- build --------------------------------------------------------------------------

build_if_needed() {
    local java_home="$1"
    if [ -f "$STAMP" ] && [ -f "$JAR" ] && [ -f "$TARGET/lib/opensearch-$(version_in_pom).jar" ] \
        && [ -z "$(find "$HERE/pom.xml" "$HERE/src" -newer "$STAMP" -print -quit)" ]; then
        return 0
    fi
    command -v mvn >/dev/null || die "mvn not found (apt-get install maven)"
    say "resolving OpenSearch jars from Maven Central and compiling the launcher..."
    rm -rf "$TARGET/lib"
    # Maven runs on the same JDK 21+, because the OpenSearch jars are Java 21 class files.
    if ! JAVA_HOME="$java_home" mvn -q -B -f "$HERE/pom.xml" package >"$BUILD_LOG" 2>&1; then
        tail -n 40 "$BUILD_LOG" >&2
        die "maven build failed (full output: $BUILD_LOG)"
    fi
    touch "$STAMP"
}

version_in_pom() {
    sed -n 's:.*<opensearch.version>\(.*\)</opensearch.version>.*:\1:p' "$HERE/pom.xml"
}

# --- probes -------------------------------------------------------------------------

health() { # prints green/yellow/red, or nothing if no answer
    curl -fsS --max-time 3 "$URL/_cluster/health" 2>/dev/null \
        | sed -n 's/.*"status" *: *"\([a-z]*\)".*/\1/p' || true
}

healthy() { case "$(health)" in green|yellow) return 0 ;; *) return 1 ;; esac; }

version() {
    curl -fsS --max-time 3 "$URL/" 2>/dev/null \
        | sed -n 's/.*"number" *: *"\([^"]*\)".*/\1/p' | head -n 1 || true
}

port_open() { (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null; }

our_pid() { # pid from the pid file if that process is still a node started by this script
    local pid
    [ -f "$PIDFILE" ] || return 1
    pid="$(cat "$PIDFILE" 2>/dev/null || true)"
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null \
        && tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | grep -qx "nl.wijkwijs.opensearch.LocalNode" \
        && echo "$pid"
}

node_port() { # pid -> its http.port
    tr '\0' '\n' <"/proc/$1/cmdline" 2>/dev/null | sed -n 's/^http\.port=//p'
}

show_log_tail() {
    echo "---- last lines of $LOG ----" >&2
    tail -n 40 "$LOG" >&2 2>/dev/null || true
    echo "----" >&2
}

# --- commands -----------------------------------------------------------------------

wait_healthy() { # pid start_epoch
    local pid="$1" t0="$2"
    while :; do
        if healthy; then
            say "OpenSearch $(version) is up on $URL (pid $pid, $(( $(date +%s) - t0 ))s)"
            return 0
        fi
        if ! kill -0 "$pid" 2>/dev/null; then
            show_log_tail
            rm -f "$PIDFILE"
            die "node exited during startup"
        fi
        if [ $(( $(date +%s) - t0 )) -ge "$TIMEOUT" ]; then
            show_log_tail
            die "not healthy after ${TIMEOUT}s (node still running as pid $pid; 'stop' ends it)"
        fi
        sleep 1
    done
}

cmd_start() {
    local t0 pid java_home
    t0="$(date +%s)"
    if healthy; then
        say "already running on $URL (OpenSearch $(version), $(health))"
        return 0
    fi
    if pid="$(our_pid)"; then
        # One node per checkout: they would share .opensearch/data.
        [ "$(node_port "$pid")" = "$PORT" ] \
            || die "a node from this checkout already runs on port $(node_port "$pid") (pid $pid); stop it first"
        wait_healthy "$pid" "$t0" # started earlier, still booting
        return
    fi
    if port_open; then
        die "port $PORT is in use by something that is not a healthy OpenSearch"
    fi

    java_home="$(find_java)"
    build_if_needed "$java_home"
    mkdir -p "$STATE/data" "$STATE/logs" "$STATE/tmp"

    local jvm=(
        -Xms512m -Xmx1g -Xss1m
        -XX:MaxDirectMemorySize=512m
        -XX:+UseG1GC
        -XX:-OmitStackTraceInFastThrow
        "-XX:ErrorFile=$STATE/logs/hs_err_pid%p.log"
        -Dfile.encoding=UTF-8
        -Djava.awt.headless=true
        -Djava.locale.providers=SPI,CLDR
        "-Djava.io.tmpdir=$STATE/tmp"
        -Djava.util.logging.manager=org.apache.logging.log4j.jul.LogManager
        -Dlog4j.shutdownHookEnabled=false
        -Dlog4j2.disable.jmx=true
        -Dio.netty.noUnsafe=true
        -Dio.netty.noKeySetOptimization=true
        -Dio.netty.recycler.maxCapacityPerThread=0
        -Djna.nosys=true
        --add-modules=jdk.incubator.vector
        --enable-native-access=ALL-UNNAMED
    )
    # shellcheck disable=SC2206
    [ -n "${OPENSEARCH_JAVA_OPTS:-}" ] && jvm+=(${OPENSEARCH_JAVA_OPTS})
    local settings=(
        "path.home=$STATE"
        "path.data=$STATE/data"
        "path.logs=$STATE/logs"
        cluster.name=wijkwijs
        node.name=wijkwijs-local
        discovery.type=single-node
        "network.host=$HOST"
        "http.port=$PORT"
        # one node: replicas could never be assigned, so default to 0 (indices go green)
        cluster.default_number_of_replicas=0
        # dev machines often have fuller disks than servers: never go read-only for that
        cluster.routing.allocation.disk.threshold_enabled=false
    )

    # setsid: own session, so the node outlives this script and a Ctrl-C in the caller's
    # terminal. 9>&-: do not hand the start/stop lock to the node.
    setsid "$java_home/bin/java" "${jvm[@]}" -cp "$JAR:$TARGET/lib/*" \
        nl.wijkwijs.opensearch.LocalNode "${settings[@]}" \
        </dev/null >"$LOG" 2>&1 9>&- &
    pid=$!
    echo "$pid" >"$PIDFILE"
    wait_healthy "$pid" "$t0"
}

cmd_stop() {
    local pid i
    if ! pid="$(our_pid)"; then
        rm -f "$PIDFILE"
        if port_open; then
            die "no node started by this script is running, but port $PORT is in use"
        fi
        say "not running"
        return 0
    fi
    PORT="$(node_port "$pid")"
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 60); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
        say "pid $pid did not stop within 30s, killing it"
        kill -KILL "$pid" 2>/dev/null || true
        while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
    fi
    rm -f "$PIDFILE"
    for i in $(seq 1 50); do
        port_open || { say "stopped"; return 0; }
        sleep 0.2
    done
    die "node stopped but port $PORT is still open"
}

cmd_status() {
    local pid h
    h="$(health)"
    pid="$(our_pid || true)"
    case "$h" in
        green|yellow)
            say "running on $URL (OpenSearch $(version), $h${pid:+, pid $pid})"; return 0 ;;
    esac
    if [ -n "$pid" ] && [ "$(node_port "$pid")" != "$PORT" ]; then
        say "not running on port $PORT (a node from this checkout runs on port $(node_port "$pid"))"; return 3
    fi
    if [ -n "$pid" ]; then
        say "starting or unhealthy (pid $pid${h:+, status $h})"; return 1
    fi
    say "not running"
    return 3
}

mkdir -p "$STATE/logs"
# One start/stop at a time (e.g. parallel make targets).
exec 9>"$STATE/.lock"
flock 9

case "${1:-start}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    restart) cmd_stop && cmd_start ;;
    status) cmd_status ;;
    *) echo "usage: $0 [start|stop|status|restart]" >&2; exit 2 ;;
esac
