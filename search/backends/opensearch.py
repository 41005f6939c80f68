"""OpenSearch 3 with Dutch analysis and fail-fast connections."""

from modelsearch.backends.opensearch3 import OpenSearch3SearchBackend
from modelsearch.utils import deep_update

from search.analysis import dutch_index_settings


class DutchOpenSearchBackend(OpenSearch3SearchBackend):
    engine_name = "opensearch"

    def __init__(self, params):
        options = params.setdefault("OPTIONS", {})
        # Answer from the database instead of retrying against an engine that is away.
        options.setdefault("max_retries", 0)
        options.setdefault("retry_on_timeout", False)
        params["INDEX_SETTINGS"] = deep_update(dutch_index_settings(), params.get("INDEX_SETTINGS", {}))
        super().__init__(params)


SearchBackend = DutchOpenSearchBackend
