"""The anchor of the quality table: a stock OpenSearch set-up over the same cases and fields.

OpenSearch's built-in `dutch` analyzer and one `multi_match` (any word, `fuzziness: AUTO`) over the text
fields Wijkwijs searches, with nothing of Wijkwijs' own: what twenty lines of ordinary set-up give.
"""

from knowledge.models import CaseStudyPage
from search.database_search import stream_text

FIELDS = [
    "title",
    "summary",
    "body",
    "results",
    "lessons_learned",
    "partners",
    "neighbourhoods",
    "municipality",
    "themes",
    "tags",
]


def _document(case):
    return {
        "title": case.title,
        "summary": case.summary,
        "body": stream_text(case.body),
        "results": case.results,
        "lessons_learned": case.lessons_learned,
        "partners": case.partners,
        "neighbourhoods": case.neighbourhoods,
        "municipality": case.municipality_name,
        "themes": case.theme_names(),
        "tags": case.tag_names(),
    }


class StockOpenSearch:
    def __init__(self, client, index_name):
        self.client, self.index = client, index_name

    def build(self):
        """A fresh index of the live cases, analysed by the built-in `dutch` analyzer."""
        self.client.indices.delete(index=self.index, ignore_unavailable=True)
        self.client.indices.create(
            index=self.index,
            body={
                "settings": {"number_of_shards": 1, "number_of_replicas": 0},
                "mappings": {"properties": {name: {"type": "text", "analyzer": "dutch"} for name in FIELDS}},
            },
        )
        for case in CaseStudyPage.objects.live().select_related("municipality"):
            self.client.index(index=self.index, id=str(case.pk), body=_document(case))
        self.client.indices.refresh(index=self.index)

    def search(self, q, size):
        body = {"query": {"multi_match": {"query": q, "fields": FIELDS, "fuzziness": "AUTO"}}, "size": size, "_source": False}
        return [int(hit["_id"]) for hit in self.client.search(index=self.index, body=body)["hits"]["hits"]]

    def drop(self):
        self.client.indices.delete(index=self.index, ignore_unavailable=True)
