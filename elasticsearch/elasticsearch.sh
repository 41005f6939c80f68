#!/usr/bin/env bash
# Local single-node Elasticsearch for development and CI, without Docker, beside OpenSearch.
#
#   bash elasticsearch/elasticsearch.sh [start]   build if needed, start, wait until healthy
#   bash elasticsearch/elasticsearch.sh stop      stop by pid and wait until the port is closed
#   bash elasticsearch/elasticsearch.sh status    exit 0 if healthy, 1 if starting, 3 if not running
#
# Only what is particular to Elasticsearch is here; the build, start, stop and status logic
# is scripts/search_node.sh, shared with opensearch/opensearch.sh.
#
# How it works
#   elasticsearch/pom.xml resolves the Elasticsearch server jar and its HTTP transport module
#   (transport-netty4) from Maven Central (jars cached in ~/.m2): the server into
#   elasticsearch/target/lib/, each module into elasticsearch/target/modules/<name>/ with a
#   plugin descriptor, as in the distribution. Elastic does not publish analysis-common there,
#   so the module wijkwijs-analysis (src/main/java/.../analysis) provides the analysis
#   components our index settings use. src/main/java/.../LocalNode.java starts one node with
#   those modules. No Elasticsearch tarball, no Docker.
#
#   The node listens on http://127.0.0.1:9201 only (9200 is OpenSearch's), transport on loopback
#   too, discovery.type=single-node, heap -Xms512m -Xmx1g. Without x-pack there is no security:
#   plain HTTP without authentication, and no GET / (that is the rest-root module; the version
#   comes from /_nodes). The native libraries (zstd, vector distance) ship only with the
#   distribution, so the node warns once at start that native access is off; the default
#   codec does not need them. Indices have one replica that one node cannot host: they are
#   yellow, which counts as healthy. Data, logs, pid file and temp dir live in .elasticsearch/.
#
# Running as root
#   The stock launcher (org.elasticsearch.bootstrap.Elasticsearch) refuses to run as root.
#   LocalNode does not go through that bootstrap: it builds the node directly, so the root
#   check, the production bootstrap checks, mlockall, the entitlement agent and the seccomp
#   filter are not involved. Never expose this node beyond loopback.
#
# Environment
#   ELASTICSEARCH_JAVA_HOME   JDK to use (21+); default: the newest JDK 21+ found
#   ELASTICSEARCH_PORT        HTTP port (default 9201)
#   ELASTICSEARCH_TIMEOUT     seconds to wait for health on start (default 180)
#   ELASTICSEARCH_JAVA_OPTS   extra JVM options
set -euo pipefail

ENGINE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ENGINE_ID=elasticsearch
ENGINE_NAME=Elasticsearch
ENGINE_ENV_PREFIX=ELASTICSEARCH
ENGINE_DEFAULT_PORT=9201
ENGINE_LAUNCHER=nl.wijkwijs.elasticsearch.LocalNode
ENGINE_LAUNCHER_JAR=elasticsearch-local-node.jar
ENGINE_SERVER_ARTIFACT=elasticsearch
ENGINE_VERSION_PROPERTY=elasticsearch.version
ENGINE_JAR_DIRS=(lib modules)
ENGINE_JVM_OPTS=(-Djava.locale.providers=CLDR)
ENGINE_CLUSTER_BOOTSTRAP_SETTING=cluster.initial_master_nodes
ENGINE_SETTINGS=()

engine_health() { # OpenSearch answers the same request: only a reply marked as Elasticsearch's counts
    local reply
    reply="$(curl -fsS -i --max-time 3 "$URL/_cluster/health" 2>/dev/null)" || return 0
    grep -qi '^x-elastic-product: *Elasticsearch' <<<"$reply" || return 0
    sed -n 's/.*"status" *: *"\([a-z]*\)".*/\1/p' <<<"$reply"
}

engine_version() {
    curl -fsS --max-time 3 "$URL/_nodes/_local?filter_path=nodes.*.version" 2>/dev/null \
        | sed -n 's/.*"version" *: *"\([^"]*\)".*/\1/p' | head -n 1 || true
}

# shellcheck source=scripts/search_node.sh
source "$ENGINE_DIR/../scripts/search_node.sh"
search_node_main "$@"
