from django.db import migrations

# The prefix lengths of the Dutch stems that database search looks up as prefixes (see
# search.backends.sqlite_dutch.MIN_PREFIX_STEM): with an index for each, a query for 'buurt*' reads one
# list instead of merging those of every word that starts with it (a third off a broad search).
PREFIX_LENGTHS = "5 6 7 8"


def fts_table(apps):
    return apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table + "_fts"


def rebuild(schema_editor, table, options):
    """Recreate the full-text table of the database index with these options, and fill it again."""
    source = table.removesuffix("_fts")
    schema_editor.execute(f"DROP TABLE {table}")
    schema_editor.execute(f"CREATE VIRTUAL TABLE {table} USING fts5(autocomplete, body, title{options})")
    schema_editor.execute(
        f"INSERT INTO {table} (rowid, title, body, autocomplete) SELECT id, title, body, autocomplete FROM {source}"
    )


def add_prefix_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        rebuild(schema_editor, fts_table(apps), f", prefix='{PREFIX_LENGTHS}'")


def remove_prefix_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        rebuild(schema_editor, fts_table(apps), "")


class Migration(migrations.Migration):
    """SQLite: prefix indexes in the full-text table of the database search index."""

    dependencies = [
        ("wijkwijs_search", "0002_index_backlog"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(add_prefix_indexes, remove_prefix_indexes)]
