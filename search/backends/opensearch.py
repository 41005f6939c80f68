"""OpenSearch 3 with Dutch analysis, fail-fast connections and a backlog while it is away."""

from modelsearch.backends.opensearch3 import OpenSearch3SearchBackend
from modelsearch.utils import deep_update
from opensearchpy.exceptions import ConnectionError, TransportError

from search.analysis import dutch_index_settings
from search.backends.missing_index import CreateMissingIndexMixin
from search.backends.resilient import BacklogOnFailureMixin
from search.backends.split_bulk import SplitBulkMixin


def engine_params(params):
    """Shared by both engines: Dutch analysis, and a request that a node refuses is tried once on each of the
    cluster's other nodes (one node: no retry, the database answers instead). A timeout is never retried."""
    options = params.setdefault("OPTIONS", {})
    options.setdefault("max_retries", max(len(params.get("URLS", [])) - 1, 0))
    options.setdefault("retry_on_timeout", False)
    params["INDEX_SETTINGS"] = deep_update(dutch_index_settings(), params.get("INDEX_SETTINGS", {}))
    return params


class DutchOpenSearchBackend(BacklogOnFailureMixin, CreateMissingIndexMixin, SplitBulkMixin, OpenSearch3SearchBackend):
    engine_name = "opensearch"
    connection_errors = (ConnectionError, TransportError)

    def __init__(self, params):
        super().__init__(engine_params(params))


SearchBackend = DutchOpenSearchBackend
