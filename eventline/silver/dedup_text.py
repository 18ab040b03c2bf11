"""The words deduplication compares: content words and names, their weights, near spellings.

Pure functions of texts (cached: the same texts are compared again and again), shared by
the rules of :mod:`eventline.silver.deduplication`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz import fuzz, process

from eventline.text.fold import fold_key
from eventline.text.markup import strip_links

SPELLING_RATIO = 75.0
# A name in this share of a document's records (admin units repeated in every note, the
# country) tells one of them from another no better than a stop word.
COMMON_SHARE = 0.25
COMMON_MIN_RECORDS = 6
COMMON_WEIGHT = 0.25
# fmt: off
STOPWORDS = frozenset({
    "a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "from", "by", "with",
    "into", "near", "as", "its", "it", "is", "are", "was", "were", "be", "been", "has", "have",
    "had", "that", "this", "which", "who", "whom", "their", "his", "her", "they", "them",
    "than", "then", "also", "both", "after", "before", "over", "under", "between", "during",
    "while", "not", "no", "but", "about", "against", "across",
})
# fmt: on


# Dates are compared apart: a weekday or a month shared by two texts says nothing of the event.
DATE_WORDS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)


WORD = re.compile(r"[^\W_][\w'’-]*")


SUFFIX = re.compile(r"(?:ing|ed|es|s)$")


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """A word as :func:`fold_key` folds it, without a possessive "'s"."""
    return fold_key(word).removesuffix(" s")


@lru_cache(maxsize=65536)
def word_weights(text: str) -> dict[str, float]:
    """Content words, lightly stemmed; capitalised words (names) weigh double."""
    weights: dict[str, float] = {}
    for position, match in enumerate(WORD.finditer(strip_links(text))):
        word = match.group()
        folded = fold_word(word)
        if (
            folded in STOPWORDS
            or folded in DATE_WORDS
            or (len(folded) < 3 and not folded.isdigit())
        ):
            continue
        stem = SUFFIX.sub("", folded) if len(folded) > 5 else folded
        weight = 2.0 if word[0].isupper() and position > 0 else 1.0
        weights[stem] = max(weights.get(stem, 0.0), weight)
    return weights


def near_spelling(token: str, others: dict[str, float]) -> str | None:
    """The first of *others* (in order) spelled like *token*; both of at least 4 letters."""
    if len(token) < 4:
        return None
    choices = [other for other in others if len(other) >= 4]
    if not choices:
        return None
    close = process.cdist([token], choices, scorer=fuzz.ratio, score_cutoff=SPELLING_RATIO)
    first = close[0].nonzero()[0]
    return choices[int(first[0])] if len(first) else None


def weighted(text: str, common: frozenset[str]) -> dict[str, float]:
    tokens = word_weights(text)
    if not common:
        return tokens
    return {t: w * COMMON_WEIGHT if t in common else w for t, w in tokens.items()}


def common_tokens(texts: Sequence[str]) -> frozenset[str]:
    """Names in at least a quarter (and at least six) of *texts*: the admin units, the country
    and the group a document repeats in every record, which tell no record from another."""
    counts: dict[str, int] = defaultdict(int)
    for text in texts:
        for token, weight in word_weights(text).items():
            if weight >= 2.0:
                counts[token] += 1
    floor = max(COMMON_MIN_RECORDS, COMMON_SHARE * len(texts))
    return frozenset(t for t, n in counts.items() if n >= floor)


def text_similarity(a: str, b: str, common: frozenset[str] = frozenset()) -> float:
    """Weighted overlap of content words (0-1); near spellings count 0.8 of a match; words
    *common* to the document weigh a quarter."""
    tokens_a, tokens_b = weighted(a, common), weighted(b, common)
    if not tokens_a or not tokens_b:
        return 0.0
    shared = sum(min(w, tokens_b[t]) for t, w in tokens_a.items() if t in tokens_b)
    left = [t for t in tokens_a if t not in tokens_b and len(t) >= 4]
    right = [t for t in tokens_b if t not in tokens_a and len(t) >= 4]
    if left and right:
        # Each word of *b* answers at most one word of *a* (the first close enough, in
        # order), so the score stays <= 1. The ratios are computed in one C call.
        close = process.cdist(left, right, scorer=fuzz.ratio, score_cutoff=SPELLING_RATIO)
        used: set[int] = set()
        for i, token in enumerate(left):
            for j in close[i].nonzero()[0]:
                if j not in used:
                    used.add(int(j))
                    shared += 0.8 * min(tokens_a[token], tokens_b[right[j]], 1.0)
                    break
    return round(min(1.0, shared / min(sum(tokens_a.values()), sum(tokens_b.values()))), 3)


def spelling_variants(a: str, b: str) -> list[tuple[str, str]]:
    """Names written differently in two texts ("Gangafani" / "Gaganfani")."""
    tokens_a, tokens_b = word_weights(a), word_weights(b)
    pairs = []
    for token, weight in tokens_a.items():
        if weight < 2.0 or token in tokens_b:
            continue
        other = near_spelling(
            token, {t: w for t, w in tokens_b.items() if w >= 2.0 and t not in tokens_a}
        )
        # "Mali"/"Malian" is one word inflected, not a name spelled two ways.
        if other is not None and not (token.startswith(other) or other.startswith(token)):
            pairs.append((token, other))
    return pairs


def normalised(text: str) -> str:
    return " ".join(fold_word(word) for word in WORD.findall(text))


def rare_names(text: str, common: frozenset[str]) -> set[str]:
    return {t for t, w in word_weights(text).items() if w >= 2.0 and t not in common}


@lru_cache(maxsize=65536)
def blocking_keys(text: str) -> frozenset[str]:
    """What two tellings of one event are likely to share: names, their rough spelling
    (first letter and length, so "Gangafani" meets "Gaganfani") and figures."""
    keys = set()
    for token, weight in word_weights(text).items():
        if token.isdigit():
            if len(token) >= 2:
                keys.add(f"n:{token}")
        elif weight >= 2.0:
            keys.add(f"t:{token}")
            if len(token) >= 4:
                keys.add(f"s:{token[0]}{len(token)}")
    return frozenset(keys)
