"""modelsearch's PostgreSQL index, written with plain SQL instead of Django expressions.

modelsearch builds a `SearchVector` expression per field of every object and has Django compile it:
for a case with a dozen search fields that took longer than everything else an import does for it.
This index writes the same rows -- the same `setweight(to_tsvector(config, text), weight)` terms,
joined with `||` in the same order -- from SQL text made once per weight. It reads each object's
search fields once instead of five times, and sets the title norms of the entries it wrote alone:
modelsearch looks for new entries in the whole table after every chunk, which grows with the library.
"""

from django.db.models import Avg, F
from django.db.models.functions import Length
from django.utils.functional import cached_property
from modelsearch.backends.database.postgres.postgres import IndexEntry, ObjectIndexer, PostgresIndex
from modelsearch.index import AutocompleteField, SearchField
from modelsearch.utils import get_content_type_pk

VECTOR_TERM = "setweight(to_tsvector(%s::regconfig, %s), %s)"
EMPTY_VECTOR = "''::tsvector"


class _Vector:
    """The SQL of one tsvector column of one object, with its parameters (texts stripped, none empty)."""

    def __init__(self, config):
        self.config = config
        self.terms = []
        self.params = []

    def add(self, text, weight):
        self.terms.append(VECTOR_TERM)
        self.params += [self.config, text, weight]

    @property
    def sql(self):
        return " || ".join(self.terms) if self.terms else EMPTY_VECTOR


class _IndexRow:
    """The values of an object's index entry, from one pass over its search fields."""

    def __init__(self, obj, backend):
        self.object_id = str(obj.pk)
        self.title = _Vector(backend.config)
        self.autocomplete = _Vector(backend.autocomplete_config)
        self.body = _Vector(backend.config)
        title_texts: list[str] = []
        body_texts: list[str] = []
        reader = ObjectIndexer(obj, backend)
        for field in reader.search_fields:
            for current_field, weight, value in reader.prepare_field(obj, field):
                text = value.strip()
                if not text:
                    continue  # as modelsearch does: an empty value adds nothing to a vector or a text
                if isinstance(current_field, AutocompleteField):
                    self.autocomplete.add(text, weight)
                elif isinstance(current_field, SearchField):
                    is_title = current_field.field_name == "title"
                    (self.title if is_title else self.body).add(text, weight)
                    (title_texts if is_title else body_texts).append(text)
        self.title_text = " ".join(title_texts)
        self.body_text = " ".join(body_texts)


class BulkPostgresIndex(PostgresIndex):
    @cached_property
    def _insert_sql(self):
        return f"""
            INSERT INTO {IndexEntry._meta.db_table}
                (content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text)
            VALUES {{rows}}
            ON CONFLICT (content_type_id, object_id)
            DO UPDATE SET title = EXCLUDED.title,
                          title_norm = 1.0,
                          autocomplete = EXCLUDED.autocomplete,
                          body = EXCLUDED.body,
                          title_text = EXCLUDED.title_text,
                          body_text = EXCLUDED.body_text
        """

    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        rows = [_IndexRow(obj, self.backend) for obj in objs]
        if not rows:
            return
        content_type_pk = get_content_type_pk(model)
        values_sql, params = [], []
        for row in rows:
            values_sql.append(f"(%s, %s, {row.title.sql}, {row.autocomplete.sql}, {row.body.sql}, 1.0, %s, %s)")
            params += [content_type_pk, row.object_id, *row.title.params, *row.autocomplete.params, *row.body.params]
            params += [row.title_text, row.body_text]
        with self.write_connection.cursor() as cursor:
            cursor.execute(self._insert_sql.format(rows=", ".join(values_sql)), params)
        self._set_title_norms(content_type_pk, [row.object_id for row in rows])

    def _set_title_norms(self, content_type_pk, object_ids):
        """modelsearch's title norm, 'average title length / this title's length', for these new entries."""
        titled = self.entries.annotate(title_length=Length("title")).filter(title_length__gt=0)
        average = titled.aggregate(Avg("title_length"))["title_length__avg"]
        titled.filter(content_type_id=content_type_pk, object_id__in=object_ids).update(title_norm=average / F("title_length"))
