"""Dutch analysis for OpenSearch and Elasticsearch indexes.

Every text field of the index uses the `default` analyzer at index time and `default_search` at
query time: lowercase, diacritics folded, Dutch stop words, Dutch stemming. Compound words are split in
Python (search.lexicon) into the `compound_parts` field, and synonyms and English terms are added to the
query (search.expansion), so that the same rules hold on the database path and editors' changes to the
synonyms work without reindexing. The `spelling` sub-fields keep the words unstemmed, for typo tolerance
on the surface form and for spelling suggestions.
"""

FILTERS = ["lowercase", "asciifolding", "dutch_stop", "dutch_stemmer"]


def dutch_index_settings():
    return {
        "settings": {
            "analysis": {
                "filter": {
                    "dutch_stop": {"type": "stop", "stopwords": "_dutch_"},
                    "dutch_stemmer": {"type": "stemmer", "language": "dutch"},
                },
                "analyzer": {
                    "default": {"type": "custom", "tokenizer": "standard", "filter": FILTERS},
                    "default_search": {"type": "custom", "tokenizer": "standard", "filter": FILTERS},
                    "spelling": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "asciifolding"]},
                },
            },
        }
    }
