"""Dutch analysis for OpenSearch and Elasticsearch indexes.

Every text field of the index uses the `default` analyzer at index time and `default_search` at
query time: lowercase, diacritics folded, Dutch stop words, compound words split against the
word list (in documents), Dutch stemming; synonyms are applied when searching, so that editors can extend the
synonym file without reindexing the documents' terms.
"""

from search.words import compound_parts, synonym_groups

INDEX_FILTERS = ["lowercase", "asciifolding", "dutch_stop", "dutch_compounds", "dutch_stemmer"]
# Compounds are split only in the documents: a query for "straatcoach" should not turn into "straat OR coach".
SEARCH_FILTERS = ["lowercase", "asciifolding", "dutch_stop", "dutch_synonyms", "dutch_stemmer"]


def dutch_index_settings():
    return {
        "settings": {
            "analysis": {
                "filter": {
                    "dutch_stop": {"type": "stop", "stopwords": "_dutch_"},
                    "dutch_stemmer": {"type": "stemmer", "language": "dutch"},
                    "dutch_compounds": {
                        "type": "dictionary_decompounder",
                        "word_list": list(compound_parts()),
                        "min_subword_size": 3,
                    },
                    "dutch_synonyms": {
                        "type": "synonym_graph",
                        "synonyms": [", ".join(group) for group in synonym_groups()],
                        "lenient": True,
                    },
                },
                "analyzer": {
                    "default": {"type": "custom", "tokenizer": "standard", "filter": INDEX_FILTERS},
                    "default_search": {"type": "custom", "tokenizer": "standard", "filter": SEARCH_FILTERS},
                    "spelling": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "asciifolding"]},
                },
            },
        }
    }
