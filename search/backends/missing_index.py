"""Engine backends that create a missing index with its analysis and mappings before writing to it.

Without this, the first write into an engine without an index (an import or a save before any
`update_index`) lets the engine create the index from the documents themselves: standard analysis,
guessed field types, and no Dutch search until the next rebuild.
"""

from django.core.signals import setting_changed
from django.dispatch import receiver
from modelsearch.index import get_indexed_models

# Index names this process has seen exist: asked of the engine once, not before every save.
_known_indexes: set[str] = set()


@receiver(setting_changed)
def forget_known_indexes(setting, **kwargs):
    if setting == "WAGTAILSEARCH_BACKENDS":
        _known_indexes.clear()


class CreateMissingIndexMixin:
    """Mix into a modelsearch Elasticsearch/OpenSearch backend."""

    def add(self, obj):
        self.ensure_index(type(obj))
        super().add(obj)

    def add_bulk(self, model, obj_list):
        self.ensure_index(model)
        super().add_bulk(model, obj_list)

    def ensure_index(self, model):
        index = self.get_index_for_model(model)
        if index.name in _known_indexes:
            return
        # Not index.exists(): modelsearch passes the name positionally, which the Elasticsearch 9 client refuses.
        if not index.es.indices.exists(index=index.name):
            index.put()
            for indexed_model in get_indexed_models():
                if self.get_index_for_model(indexed_model).name == index.name:
                    index.add_model(indexed_model)
        _known_indexes.add(index.name)
