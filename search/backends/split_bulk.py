"""Engine backends whose bulk add comes in two steps, so that the steps of consecutive chunks can overlap.

`bulk_actions` builds the documents: it reads the objects and their relations, so it runs in the thread
that owns the database connection. `send_actions` only talks to the engine, so it may run in another
thread while the first one prepares the next chunk (see core.indexing.index_in_bulk).
"""


class SplitBulkMixin:
    """Mix into a modelsearch Elasticsearch/OpenSearch backend (after CreateMissingIndexMixin)."""

    def bulk_actions(self, model, objects):
        mapping = self.mapping_class(model)
        return [{"_id": mapping.get_document_id(obj), **mapping.get_document(obj)} for obj in objects]

    def send_actions(self, model, actions):
        self.ensure_index(model)
        self.bulk(self.es, actions, index=self.get_index_for_model(model).name)

    def settle_sent_bulk(self, sent, objects):
        """Wait for the future of a send_actions() of these objects; its exception, if any."""
        sent.result()
