"""Elasticsearch 9 (official client 9.x, whose compatibility header 8.x servers refuse) with the same Dutch analysis
as OpenSearch."""

from elastic_transport import TransportError
from elasticsearch import ApiError
from modelsearch.backends.elasticsearch9 import Elasticsearch9SearchBackend

from search.backends.missing_index import CreateMissingIndexMixin
from search.backends.opensearch import engine_params
from search.backends.resilient import BacklogOnFailureMixin
from search.backends.split_bulk import SplitBulkMixin


class DutchElasticsearchBackend(BacklogOnFailureMixin, CreateMissingIndexMixin, SplitBulkMixin, Elasticsearch9SearchBackend):
    engine_name = "elasticsearch"
    connection_errors = (TransportError, ApiError)

    def __init__(self, params):
        super().__init__(engine_params(params))


SearchBackend = DutchElasticsearchBackend
