"""Engine backends that keep working while the engine is away.

A change that cannot be sent is written to the IndexBacklog instead of failing the editor's
save; it is replayed when the engine is back (see search/reconcile.py).
"""

from django.contrib.contenttypes.models import ContentType

from search.availability import mark_engine_down


def record_backlog(objects, deleted):
    from search.models import IndexBacklog

    for obj in objects:
        IndexBacklog.objects.update_or_create(
            content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
            object_id=str(obj.pk),
            defaults={"deleted": deleted},
        )


class BacklogOnFailureMixin:
    """Mix into a modelsearch engine backend; `connection_errors` lists what 'unreachable' means."""

    connection_errors: tuple[type[Exception], ...] = ()

    def add(self, obj):
        try:
            super().add(obj)
        except self.connection_errors as error:
            mark_engine_down(error)
            record_backlog([obj], deleted=False)

    def add_bulk(self, model, obj_list):
        obj_list = list(obj_list)
        try:
            super().add_bulk(model, obj_list)
        except self.connection_errors as error:
            mark_engine_down(error)
            record_backlog(obj_list, deleted=False)

    def settle_sent_bulk(self, sent, objects):
        try:
            super().settle_sent_bulk(sent, objects)
        except self.connection_errors as error:
            mark_engine_down(error)
            record_backlog(objects, deleted=False)

    def delete(self, obj):
        try:
            super().delete(obj)
        except self.connection_errors as error:
            mark_engine_down(error)
            record_backlog([obj], deleted=True)
