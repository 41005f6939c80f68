"""The searches the benchmarks send: words, phrases, typos and filters that practitioners use."""

from urllib.parse import urlencode

# (parameters of /api/search/ and /zoeken/) -- every one with facets in the answer.
SEARCHES = [
    {"q": "wijkambtenaar"},
    {"q": "buurtbudget bewoners"},
    {"q": "eenzaamheid ouderen"},
    {"q": "schuldhulp"},
    {"q": "jongerenwerk", "province": "noord-brabant"},
    {"q": '"sociaal wijkteam"'},
    {"theme": "armoede"},
    {"q": "veiligheid", "theme": "veiligheid", "year": "2018"},
    {"q": "buurthuis", "municipality": "tilburg"},
    {"q": "wijkregisseur", "sort": "newest"},
    {"q": "energiecoöperatie"},
    {"q": "lokale democratie raad"},
    {"q": "wijkambtenar"},
    {"congress": "2015"},
    {"q": "groen", "page": "2"},
    {"q": "zorg welzijn", "theme": ["zorg-en-welzijn", "ouderen"]},
    {"q": "huurders corporatie", "province": ["zuid-holland", "noord-holland"]},
    {"q": "vrijwilligers", "page_size": "20"},
    {},
    {"q": "taalhuis bibliotheek"},
]
# Typed into the search box, for /api/autocomplete/.
PREFIXES = ["wi", "wijk", "buurt", "til", "zorg", "ou", "energ", "jonger"]


def query_string(params):
    return urlencode(params, doseq=True)
