"""Combining query terms for the database backends, where a long term also matches as a prefix."""

from functools import reduce
from operator import and_, or_


def combine_terms(terms, operator, make_lexeme, min_prefix_length):
    """The terms as lexemes joined by AND or OR; None when there are no terms.

    Terms of at least `min_prefix_length` letters also match longer words: 'straatcoach' finds
    'straatcoaches' although the stemmer leaves that one as 'straatcoache'.
    """
    lexemes = [make_lexeme(term, prefix=len(term) >= min_prefix_length) for term in terms]
    if not lexemes:
        return None
    return reduce(and_ if operator == "and" else or_, lexemes)
