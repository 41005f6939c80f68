#!/usr/bin/env bash
# Local single-node OpenSearch for development and CI, without Docker.
#
#   bash opensearch/opensearch.sh [start]   build if needed, start, wait until healthy
#   bash opensearch/opensearch.sh stop      stop by pid and wait until the port is closed
#   bash opensearch/opensearch.sh status    exit 0 if healthy, 1 if starting, 3 if not running
#
# Only what is particular to OpenSearch is here; the build, start, stop and status logic is
# scripts/search_node.sh, shared with elasticsearch/elasticsearch.sh.
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

ENGINE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ENGINE_ID=opensearch
ENGINE_NAME=OpenSearch
ENGINE_ENV_PREFIX=OPENSEARCH
ENGINE_DEFAULT_PORT=9200
ENGINE_LAUNCHER=nl.wijkwijs.opensearch.LocalNode
ENGINE_LAUNCHER_JAR=opensearch-local-node.jar
ENGINE_SERVER_ARTIFACT=opensearch
ENGINE_VERSION_PROPERTY=opensearch.version
ENGINE_JAR_DIRS=(lib)
# shellcheck disable=SC2054 # SPI,CLDR is one value
ENGINE_JVM_OPTS=(
    -Djava.locale.providers=SPI,CLDR
    -Djava.util.logging.manager=org.apache.logging.log4j.jul.LogManager
    -Djna.nosys=true
)
ENGINE_CLUSTER_BOOTSTRAP_SETTING=cluster.initial_cluster_manager_nodes
ENGINE_SETTINGS=(
    # one node: replicas could never be assigned, so default to 0 (indices go green)
    cluster.default_number_of_replicas=0
)

engine_health() {
    curl -fsS --max-time 3 "$URL/_cluster/health" 2>/dev/null \
        | sed -n 's/.*"status" *: *"\([a-z]*\)".*/\1/p' || true
}

engine_version() {
    curl -fsS --max-time 3 "$URL/" 2>/dev/null \
        | sed -n 's/.*"number" *: *"\([^"]*\)".*/\1/p' | head -n 1 || true
}

# shellcheck source=scripts/search_node.sh
source "$ENGINE_DIR/../scripts/search_node.sh"
search_node_main "$@"
