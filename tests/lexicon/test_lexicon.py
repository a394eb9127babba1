"""Every lexicon entry matches its examples and none of its counter-examples (as Duckling runs the
corpus beside each rule file), and the loader refuses a malformed file with a one-line reason."""
from __future__ import annotations

import pytest

from govkg.lexicon import LexiconError, _entry, lexicon

ENTRIES = list(lexicon())


def test_the_lexicon_loads_and_has_entries():
    assert len(ENTRIES) >= 5
    assert all("." in e.key for e in ENTRIES)


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.key for e in ENTRIES])
def test_entry_examples(entry):
    missed = [x for x in entry.examples if not entry.test(x)]
    assert not missed, f"{entry.key} ({entry.match}) misses its examples {missed}"


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.not_examples], ids=[e.key for e in ENTRIES if e.not_examples])
def test_entry_counter_examples(entry):
    wrong = [x for x in entry.not_examples if entry.test(x)]
    assert not wrong, f"{entry.key} ({entry.match}) matches its counter-examples {wrong}"


@pytest.mark.parametrize("raw,message", [
    ({"doc": "x", "words": ["a"], "exmples": ["a"]}, "unknown keys"),
    ({"doc": "x", "words": ["a"]}, "no examples"),
    ({"doc": "x", "pattern": "(", "examples": ["a"]}, "does not compile"),
    ({"doc": "x", "words": ["a"], "pattern": "a", "examples": ["a"]}, "not both"),
    ({"words": ["a"], "examples": ["a"]}, "no doc"),
    ({"doc": "x", "words": ["a"], "match": "middle", "examples": ["a"]}, "match must be"),
])
def test_a_malformed_entry_is_refused_with_its_name(raw, message):
    with pytest.raises(LexiconError, match=message) as err:
        _entry("zh/test.yaml", "test.bad", raw, [])
    assert "zh/test.yaml" in str(err.value) and "test.bad" in str(err.value)


def test_words_match_longest_first():
    e = _entry("t", "t.roles", {"doc": "x", "words": ["组长", "副组长"], "match": "start", "examples": ["副组长"]}, [])
    assert e.find("副组长：张三").group() == "副组长"


def test_map_gives_values_and_implies_words():
    e = _entry("t", "t.labels", {"doc": "x", "map": {"牵头": "牵头", "主责": "责任"}, "examples": ["主责单位"]}, [])
    assert set(e.words) == {"牵头", "主责"} and e.value("主责单位") == "责任" and e.value("协办") is None
