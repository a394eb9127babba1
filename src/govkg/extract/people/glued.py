"""People printed one after another with nothing between them: ``name post name post …``.

Pages that print a list on one line often drop the breaks between its people as well
(``副组长:钱宏达国土资源部部长孙志远国务院副秘书长冯海涛统计局局长``). A reader's eye splits such a run
where a whole post (one ending in a title word, ``people.post_words``) is followed by a personal
name that opens the next post (a level, a rank, a portfolio, a place or an institution: the scores
of :func:`govkg.extract.people.names.post_start_score`), so ministry posts (``国土资源部部长``,
``统计局局长``, ``中央宣传部副部长``) are read as well as local ones.

The whole run must come apart into such pairs, nothing left over; otherwise it is no glued list
(a sentence, an agency, a post alone) and nothing is read.
"""
from __future__ import annotations

import re
from functools import lru_cache

from govkg.extract.people.names import (
    completes_post,
    is_person_name,
    name_may_end,
    post_complete,
    post_start_score,
    post_word_end,
)
from govkg.text.clean import squeeze
from govkg.text.script import simplify

# a dot a scraping guard leaves before a separator (外交部党委书记.、副部长) is no part of a post
_STRAY_DOT = re.compile(r"[.．·•・](?=[、，,])")
# whatever a post never holds: sentence ends, colons, brackets of a note, another label's colon
_NO_POST = re.compile(r"[。；;：:！？!?（）()\s]|担任|兼任|由|为")
_MIN_POST = 2
_DOTTED_HEAD = re.compile(r"[\u4e00-\u9fff]{1,6}(?:[·•][\u4e00-\u9fff]{1,6})*[·•]")


def _posts_from(s: str, t: str, i: int, memo: dict[int, list[tuple[str, str]] | None]) -> list[tuple[str, str]] | None:
    """The pairs of ``s[i:]`` (``t`` its simplified shadow), or ``None`` when it does not come apart."""
    if i == len(s):
        return []
    if i in memo:
        return memo[i]
    memo[i] = None  # while it is being read (no reading loops back to it)
    uncut = name_may_end(t[i:])
    tries = []
    dotted = _DOTTED_HEAD.match(s, i)  # 阿不都·热合曼: the part after the last dot, of any length
    lengths = [dotted.end() - i + n for n in range(1, 7)] if dotted else [3, 2, 4]
    for rank, k in enumerate(lengths):
        if i + k + _MIN_POST <= len(s) and uncut(k) and is_person_name(s[i:i + k]):
            score = post_start_score(t[i + k:])
            if score:
                tries.append((-score, rank, k))
    for _, _, k in sorted(tries):
        start = i + k
        # the post runs to the end, or to a title word after which the next person opens
        for j in range(start + _MIN_POST, len(s) + 1):
            post = s[start:j]
            if _NO_POST.search(post):
                break
            if j < len(s) and not (post_word_end(t[start:j]) and not completes_post(post, s[j])):
                continue
            if not post_complete(post):
                continue
            rest = _posts_from(s, t, j, memo)
            if rest is not None:
                memo[i] = [(s[i:start], post), *rest]
                return memo[i]
    return None


@lru_cache(maxsize=16384)  # pure
def split_glued(text: str) -> tuple[tuple[str, str], ...]:
    """``钱宏达国土资源部部长孙志远国务院副秘书长`` -> ((钱宏达, 国土资源部部长), (孙志远, 国务院副秘书长)):
    every person of a run printed without breaks, or ``()`` when the run does not come apart whole
    into names each followed by a whole post."""
    s = _STRAY_DOT.sub("", squeeze(text).rstrip("。；;，,"))
    if len(s) < 5 or len(s) > 1200:
        return ()
    got = _posts_from(s, simplify(s), 0, {})
    return tuple(got) if got else ()


__all__ = ["split_glued"]
