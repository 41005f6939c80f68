# shellcheck shell=bash
# The part of opensearch/opensearch.sh and elasticsearch/elasticsearch.sh that both engines
# share: find a JDK, build the launcher with Maven, start, stop and report on one local node.
#
# Not run on its own: an engine script sets the variables and functions below (under
# set -euo pipefail), sources this file and calls search_node_main "$@".
#
#   ENGINE_DIR               the engine's directory: pom.xml, src/, target/
#   ENGINE_ID                message prefix; data, logs and pid file go to .<id>/ at the top
#   ENGINE_NAME              product name in messages
#   ENGINE_ENV_PREFIX        <prefix>_JAVA_HOME, _PORT, _TIMEOUT and _JAVA_OPTS configure the node
#   ENGINE_DEFAULT_PORT      HTTP port when <prefix>_PORT is not set
#   ENGINE_LAUNCHER          main class of the launcher, also how our node is told apart in /proc
#   ENGINE_LAUNCHER_JAR      the launcher jar the pom builds in target/
#   ENGINE_SERVER_ARTIFACT   the server jar the pom copies to target/lib/<artifact>-<version>.jar
#   ENGINE_VERSION_PROPERTY  the pom property holding the engine version
#   ENGINE_JAR_DIRS          the directories in target/ the pom copies dependency jars into
#   ENGINE_JVM_OPTS          JVM options of this engine, in addition to the shared ones
#   ENGINE_SETTINGS          node settings (key=value) of this engine's single node, beside the shared ones
#   ENGINE_CLUSTER_BOOTSTRAP_SETTING  the setting that names the first cluster-manager-eligible nodes
#   engine_health            prints green/yellow/red, or nothing if no node of this engine answers on $URL
#   engine_version           prints the version of the node on $URL

engine_env() { # NAME [default] -> value of the environment variable <ENGINE_ENV_PREFIX>_NAME, or default
    local var="${ENGINE_ENV_PREFIX}_$1"
    printf '%s' "${!var:-${2:-}}"
}

ROOT="$(cd "$ENGINE_DIR/.." && pwd)"
STATE="$ROOT/.$ENGINE_ID"
PIDFILE="$STATE/$ENGINE_ID.pid"
LOG="$STATE/logs/$ENGINE_ID.log"
BUILD_LOG="$STATE/logs/build.log"
TARGET="$ENGINE_DIR/target"
JAR="$TARGET/$ENGINE_LAUNCHER_JAR"
STAMP="$TARGET/.built"
HOST=127.0.0.1
PORT="$(engine_env PORT "$ENGINE_DEFAULT_PORT")"
TIMEOUT="$(engine_env TIMEOUT 180)"
URL="http://$HOST:$PORT"
HEAP="$(engine_env HEAP 1g)"
NODE_SETTINGS=(cluster.name=wijkwijs node.name=wijkwijs-local discovery.type=single-node "${ENGINE_SETTINGS[@]}")

say() { echo "$ENGINE_ID: $*"; }
die() { echo "$ENGINE_ID: $*" >&2; exit 1; }

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

find_java() { # newest JDK >= 21: <prefix>_JAVA_HOME, JAVA_HOME, /usr/lib/jvm/*, java on PATH
    local c best="" best_v=0 v chosen
    chosen="$(engine_env JAVA_HOME)"
    if [ -n "$chosen" ]; then
        [ "$(java_major "$chosen")" -ge 21 ] \
            || die "${ENGINE_ENV_PREFIX}_JAVA_HOME=$chosen is not a JDK 21+"
        echo "$chosen"; return
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
    [ -n "$best" ] || die "no JDK 21+ found ($ENGINE_NAME $(version_in_pom | cut -d. -f1).x needs one); install e.g. a Temurin 21/25 JDK or set ${ENGINE_ENV_PREFIX}_JAVA_HOME"
    echo "$best"
}

# --- build --------------------------------------------------------------------------

build_if_needed() {
    local java_home="$1" dir
    if [ -f "$STAMP" ] && [ -f "$JAR" ] && [ -f "$TARGET/lib/$ENGINE_SERVER_ARTIFACT-$(version_in_pom).jar" ] \
        && [ -z "$(find "$ENGINE_DIR/pom.xml" "$ENGINE_DIR/src" -newer "$STAMP" -print -quit)" ]; then
        return 0
    fi
    command -v mvn >/dev/null || die "mvn not found (apt-get install maven)"
    say "resolving $ENGINE_NAME jars from Maven Central and compiling the launcher..."
    # Maven only adds jars: those of a previous version would stay on the classpath.
    for dir in "${ENGINE_JAR_DIRS[@]}"; do rm -rf "${TARGET:?}/$dir"; done
    # Maven runs on the same JDK 21+, because the server jars are Java 21 class files.
    if ! JAVA_HOME="$java_home" mvn -q -B -f "$ENGINE_DIR/pom.xml" package >"$BUILD_LOG" 2>&1; then
        tail -n 40 "$BUILD_LOG" >&2
        die "maven build failed (full output: $BUILD_LOG)"
    fi
    touch "$STAMP"
}

version_in_pom() {
    sed -n "s:.*<$ENGINE_VERSION_PROPERTY>\(.*\)</$ENGINE_VERSION_PROPERTY>.*:\1:p" "$ENGINE_DIR/pom.xml"
}

# --- probes -------------------------------------------------------------------------

healthy() { case "$(engine_health)" in green|yellow) return 0 ;; *) return 1 ;; esac; }

port_open() { (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null; }

our_pid() { # pid from the pid file if that process is still a node started by this script
    local pid
    [ -f "$PIDFILE" ] || return 1
    pid="$(cat "$PIDFILE" 2>/dev/null || true)"
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null \
        && tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | grep -qx "$ENGINE_LAUNCHER" \
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
            say "$ENGINE_NAME $(engine_version) is up on $URL (pid $pid, $(( $(date +%s) - t0 ))s)"
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

launch_node() { # starts one node with the current STATE, PORT and NODE_SETTINGS; prints its pid
    local java_home="$1" extra_opts
    mkdir -p "$STATE/data" "$STATE/logs" "$STATE/tmp"

    local jvm=(
        "-Xms$HEAP" "-Xmx$HEAP" -Xss1m
        -XX:MaxDirectMemorySize=512m
        -XX:+UseG1GC
        -XX:-OmitStackTraceInFastThrow
        "-XX:ErrorFile=$STATE/logs/hs_err_pid%p.log"
        -Dfile.encoding=UTF-8
        -Djava.awt.headless=true
        "-Djava.io.tmpdir=$STATE/tmp"
        -Dlog4j.shutdownHookEnabled=false
        -Dlog4j2.disable.jmx=true
        -Dio.netty.noUnsafe=true
        -Dio.netty.noKeySetOptimization=true
        -Dio.netty.recycler.maxCapacityPerThread=0
        --add-modules=jdk.incubator.vector
        --enable-native-access=ALL-UNNAMED
        "${ENGINE_JVM_OPTS[@]}"
    )
    extra_opts="$(engine_env JAVA_OPTS)"
    # shellcheck disable=SC2206
    [ -n "$extra_opts" ] && jvm+=($extra_opts)
    local settings=(
        "path.home=$STATE"
        "path.data=$STATE/data"
        "path.logs=$STATE/logs"
        "network.host=$HOST"
        "http.port=$PORT"
        # dev machines often have fuller disks than servers: never go read-only for that
        cluster.routing.allocation.disk.threshold_enabled=false
        "${NODE_SETTINGS[@]}"
    )

    # setsid: own session, so the node outlives this script and a Ctrl-C in the caller's
    # terminal. 9>&-: do not hand the start/stop lock to the node.
    setsid "$java_home/bin/java" "${jvm[@]}" -cp "$JAR:$TARGET/lib/*" \
        "$ENGINE_LAUNCHER" "${settings[@]}" \
        </dev/null >"$LOG" 2>&1 9>&- &
    echo "$!" >"$PIDFILE"
    echo "$!"
}

cmd_start() {
    local t0 pid java_home
    t0="$(date +%s)"
    if healthy; then
        say "already running on $URL ($ENGINE_NAME $(engine_version), $(engine_health))"
        return 0
    fi
    if pid="$(our_pid)"; then
        # One node per checkout: they would share its data directory.
        [ "$(node_port "$pid")" = "$PORT" ] \
            || die "a node from this checkout already runs on port $(node_port "$pid") (pid $pid); stop it first"
        wait_healthy "$pid" "$t0" # started earlier, still booting
        return
    fi
    if port_open; then
        die "port $PORT is in use by something that is not a healthy $ENGINE_NAME"
    fi

    java_home="$(find_java)"
    build_if_needed "$java_home"
    pid="$(launch_node "$java_home")"
    wait_healthy "$pid" "$t0"
}

cmd_stop() {
    local pid
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
    for _ in $(seq 1 60); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
        say "pid $pid did not stop within 30s, killing it"
        kill -KILL "$pid" 2>/dev/null || true
        while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
    fi
    rm -f "$PIDFILE"
    for _ in $(seq 1 50); do
        port_open || { say "stopped"; return 0; }
        sleep 0.2
    done
    die "node stopped but port $PORT is still open"
}

cmd_status() {
    local pid h
    h="$(engine_health)"
    pid="$(our_pid || true)"
    case "$h" in
        green|yellow)
            say "running on $URL ($ENGINE_NAME $(engine_version), $h${pid:+, pid $pid})"; return 0 ;;
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

# --- a cluster of three nodes -------------------------------------------------------
# Beside the single node, in .<id>-cluster/node-N/, on HTTP ports <prefix>_CLUSTER_PORT (9210) + N - 1 and
# transport ports 100 higher; the nodes find each other on loopback and elect a cluster manager among them.

CLUSTER_SIZE=3
CLUSTER_HTTP_BASE="$(engine_env CLUSTER_PORT 9210)"
CLUSTER_TRANSPORT_BASE=$((CLUSTER_HTTP_BASE + 100))

use_cluster_node() { # N: point STATE, PORT, URL and NODE_SETTINGS at cluster node N
    local n="$1" i seeds="" names=""
    [[ "$n" =~ ^[1-9]$ ]] && [ "$n" -le "$CLUSTER_SIZE" ] || die "no cluster node '$n' (1-$CLUSTER_SIZE)"
    for i in $(seq 1 "$CLUSTER_SIZE"); do
        seeds+="${seeds:+,}$HOST:$((CLUSTER_TRANSPORT_BASE + i - 1))"
        names+="${names:+,}node-$i"
    done
    STATE="$ROOT/.$ENGINE_ID-cluster/node-$n"
    PIDFILE="$STATE/$ENGINE_ID.pid"
    LOG="$STATE/logs/$ENGINE_ID.log"
    PORT=$((CLUSTER_HTTP_BASE + n - 1))
    URL="http://$HOST:$PORT"
    HEAP="$(engine_env CLUSTER_HEAP 512m)"
    NODE_SETTINGS=(
        cluster.name=wijkwijs-cluster
        "node.name=node-$n"
        "transport.port=$((CLUSTER_TRANSPORT_BASE + n - 1))"
        "discovery.seed_hosts=$seeds"
        "$ENGINE_CLUSTER_BOOTSTRAP_SETTING=$names"
    )
}

wait_cluster() { # t0: until a node answers with all nodes joined and the cluster green or yellow
    local t0="$1" n joined
    while :; do
        for n in $(seq 1 "$CLUSTER_SIZE"); do
            use_cluster_node "$n"
            joined="$(curl -fsS --max-time 3 "$URL/_cluster/health" 2>/dev/null \
                | sed -n 's/.*"number_of_nodes" *: *\([0-9]*\).*/\1/p' || true)"
            if [ "${joined:-0}" -eq "$CLUSTER_SIZE" ] && healthy; then
                say "$ENGINE_NAME cluster of $CLUSTER_SIZE nodes is up on ports $CLUSTER_HTTP_BASE-$((CLUSTER_HTTP_BASE + CLUSTER_SIZE - 1)) ($(( $(date +%s) - t0 ))s)"
                return 0
            fi
        done
        if [ $(( $(date +%s) - t0 )) -ge "$TIMEOUT" ]; then
            die "the cluster did not form within ${TIMEOUT}s (logs in $ROOT/.$ENGINE_ID-cluster/node-*/logs/)"
        fi
        sleep 1
    done
}

cmd_node_start() { # N
    local java_home
    use_cluster_node "$1"
    our_pid >/dev/null && return 0
    port_open && die "port $PORT is in use by something that is not cluster node $1"
    java_home="$(find_java)"
    build_if_needed "$java_home"
    launch_node "$java_home" >/dev/null
}

cmd_cluster_start() {
    local t0 n
    t0="$(date +%s)"
    for n in $(seq 1 "$CLUSTER_SIZE"); do cmd_node_start "$n"; done
    wait_cluster "$t0"
}

cmd_cluster_stop() {
    local n
    for n in $(seq 1 "$CLUSTER_SIZE"); do use_cluster_node "$n" && cmd_stop; done
}

search_node_main() { # [start|stop|status|restart|cluster-start|cluster-stop|node-start N|node-stop N]
    mkdir -p "$STATE/logs"
    # One start/stop at a time (e.g. parallel make targets).
    exec 9>"$STATE/.lock"
    flock 9

    case "${1:-start}" in
        start) cmd_start ;;
        stop) cmd_stop ;;
        restart) cmd_stop && cmd_start ;;
        status) cmd_status ;;
        cluster-start) cmd_cluster_start ;;
        cluster-stop) cmd_cluster_stop ;;
        node-start) cmd_node_start "${2:-}" && wait_cluster "$(date +%s)" ;;
        node-stop) use_cluster_node "${2:-}" && cmd_stop ;;
        *) echo "usage: $0 [start|stop|status|restart|cluster-start|cluster-stop|node-start N|node-stop N]" >&2; exit 2 ;;
    esac
}
