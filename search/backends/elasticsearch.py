"""Elasticsearch 8/9 (official client) with the same Dutch analysis as OpenSearch."""

from modelsearch.backends.elasticsearch9 import Elasticsearch9SearchBackend
from modelsearch.utils import deep_update

from search.analysis import dutch_index_settings


class DutchElasticsearchBackend(Elasticsearch9SearchBackend):
    engine_name = "elasticsearch"

    def __init__(self, params):
        options = params.setdefault("OPTIONS", {})
        options.setdefault("max_retries", 0)
        options.setdefault("retry_on_timeout", False)
        params["INDEX_SETTINGS"] = deep_update(dutch_index_settings(), params.get("INDEX_SETTINGS", {}))
        super().__init__(params)


SearchBackend = DutchElasticsearchBackend
