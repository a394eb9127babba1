"""Layout perturbations of a gazette text, with where each line went: the same document as another
converter, another site or another typist would have given it. ``bench/robust_bench.py`` scores the
wide set through each against its gold (lines moved with the text), so that a rule that only held for
one layout shows.

``perturbed_set`` writes a gold set (texts and facts) through one, each fact's line moved to the line that
now prints its key entity. Each perturbation maps ``text`` to ``(new text, spans)``: ``spans[i]`` is the (first, last) 1-based line
of the new text that line ``i + 1`` of the old one became.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Callable, Iterable

Spans = list[tuple[int, int]]
Perturbation = Callable[[str, Iterable[str]], tuple[str, Spans]]


def _same_lines(lines: list[str]) -> Spans:
    return [(i, i) for i in range(1, len(lines) + 1)]


def _join(pieces: list[list[str]]) -> tuple[str, Spans]:
    out: list[str] = []
    spans: Spans = []
    for piece in pieces:
        spans.append((len(out) + 1, len(out) + max(1, len(piece))))
        out.extend(piece or [""])
    return "\n".join(out), spans


def wrap(width: int) -> Perturbation:
    """Hard line breaks every ``width`` characters, as a PDF converter leaves a paragraph (tables kept)."""
    def apply(text: str, names: Iterable[str] = ()) -> tuple[str, Spans]:
        pieces = []
        for line in text.split("\n"):
            if "\t" in line or len(line) <= width:
                pieces.append([line])
            else:
                pieces.append([line[i:i + width] for i in range(0, len(line), width)])
        return _join(pieces)
    return apply


_HALF = str.maketrans({"：": ":", "（": "(", "）": ")", "，": ",", "；": ";"})


def halfwidth(text: str, names: Iterable[str] = ()) -> tuple[str, Spans]:
    """ASCII colons, brackets, commas and semicolons where the document printed full-width ones."""
    return text.translate(_HALF), _same_lines(text.split("\n"))


def spaced_names(text: str, names: Iterable[str] = ()) -> tuple[str, Spans]:
    """Two-character names printed with a full-width space inside (王　五), as typists align them with
    three-character names."""
    for name in sorted({n for n in names if len(n) == 2}, key=lambda n: -len(n)):
        text = re.sub(f"(?<![\u4e00-\u9fff]){re.escape(name)}(?![\u4e00-\u9fff])", f"{name[0]}\u3000{name[1]}", text)
    return text, _same_lines(text.split("\n"))


def indented(text: str, names: Iterable[str] = ()) -> tuple[str, Spans]:
    """Every non-empty line indented by two full-width spaces (a paragraph indent kept by the converter)."""
    lines = text.split("\n")
    return "\n".join("\u3000\u3000" + l if l.strip() else l for l in lines), _same_lines(lines)


def blank_between(text: str, names: Iterable[str] = ()) -> tuple[str, Spans]:
    """A blank line after every line (paragraph spacing turned into empty lines)."""
    return _join([[line, ""] for line in text.split("\n")])


def page_furniture(every: int = 25) -> Perturbation:
    """A page footer and the next page's running head after every ``every`` lines (a blank line in between)."""
    def apply(text: str, names: Iterable[str] = ()) -> tuple[str, Spans]:
        pieces = []
        for i, line in enumerate(text.split("\n"), 1):
            piece = [line]
            if i % every == 0:
                piece += ["", f"— {i // every + 1} —", "政府公报"]
            pieces.append(piece)
        return _join(pieces)
    return apply


_PUNCT = re.compile(r"[，,。：:；;、（）()《》“”\"\t|<>#*]")


def spaced_headings(text: str, names: Iterable[str] = ()) -> tuple[str, Spans]:
    """Short lines without punctuation (titles, headings, signatures) printed letter-spaced, a space between every
    character (关 于 成 立 … 的 通 知), as a PDF converter gives a heading set in spaced type."""
    lines = text.split("\n")
    out = [" ".join(line.strip()) if 4 <= len(line.strip()) <= 25 and not _PUNCT.search(line)
           and not re.search(r"\s", line.strip()) else line for line in lines]
    return "\n".join(out), _same_lines(lines)


_FULL_DIGITS = str.maketrans({str(d): chr(0xFF10 + d) for d in range(10)})


def fullwidth_digits(text: str, names: Iterable[str] = ()) -> tuple[str, Spans]:
    """Digits printed full-width (２０２１年, 〔２０２１〕３７号, 1２.), as many offices type them."""
    return text.translate(_FULL_DIGITS), _same_lines(text.split("\n"))


def bold_labels(text: str, names: Iterable[str] = ()) -> tuple[str, Spans]:
    """Labels before a colon set in bold as a Word-to-Markdown converter prints them (**组长**：, **责任单位**：)."""
    lines = text.split("\n")
    out = [re.sub(r"^(\s*)([^\s:：，,。]{2,8})([:：])", r"\1**\2**\3", line) for line in lines]
    return "\n".join(out), _same_lines(lines)


def no_blank_lines(text: str, names: Iterable[str] = ()) -> tuple[str, Spans]:
    """Every blank line dropped (a converter that keeps no paragraph spacing)."""
    pieces = [[line] if line.strip() else [] for line in text.split("\n")]
    out: list[str] = []
    spans: Spans = []
    for piece in pieces:
        spans.append((len(out) + 1, len(out) + 1) if piece else (max(1, len(out)), max(1, len(out))))
        out.extend(piece)
    return "\n".join(out), spans


class then:  # noqa: N801 (reads as a function where the table names the perturbations)
    """Perturbations one after another (a wrap, then blank lines between: a PDF page with paragraph spacing).
    ``perturbed_set`` moves the gold through each step in turn: a step's lines are the next one's input."""

    def __init__(self, *steps: Perturbation) -> None:
        self.steps = steps

    def __call__(self, text: str, names: Iterable[str] = ()) -> tuple[str, Spans]:
        spans = _same_lines(text.split("\n"))
        for step in self.steps:
            text, moved = step(text, names)
            spans = [(moved[a - 1][0], moved[b - 1][1]) for a, b in spans]
        return text, spans


class Traditional:
    """The text in traditional characters, one for one (OpenCC's s2t, a character whose conversion is not one
    character kept): a simplified document as a Hong Kong, Macao or Taiwan site, or an old gazette, prints it.
    The gold's printed values go through the same conversion (``fact``); its canonical ones (a role of an
    assignment, a body's kind, a date) do not."""

    CANONICAL = ("type", "src", "kind", "date")

    def __init__(self) -> None:
        self._memo: dict[str, str] = {}
        self._cc = None

    def convert(self, text: str) -> str:
        out = []
        for ch in text:
            got = self._memo.get(ch)
            if got is None:
                if self._cc is None:
                    import opencc  # the project's dependency (govkg.text.script reads with it)
                    self._cc = opencc.OpenCC("s2t")
                t = self._cc.convert(ch) if ch >= "\u4e00" else ch
                got = self._memo[ch] = t if len(t) == 1 else ch
            out.append(got)
        return "".join(out)

    def __call__(self, text: str, names: Iterable[str] = ()) -> tuple[str, Spans]:
        return self.convert(text), _same_lines(text.split("\n"))

    def fact(self, fact: dict) -> dict:
        def value(k: str, v: object) -> object:
            if k in self.CANONICAL or (k == "role" and fact.get("type") == "assignment"):
                return v
            if isinstance(v, str):
                return self.convert(v)
            return [self.convert(x) if isinstance(x, str) else x for x in v] if isinstance(v, list) else v
        return {k: value(k, v) for k, v in fact.items()}


def bulleted(text: str, names: Iterable[str] = ()) -> tuple[str, Spans]:
    """A bullet before every short line without a sentence's end (list items, labels, headings), as Word lists
    and sites print them (``● 市发展改革委``, ``• 组长：…``)."""
    lines = text.split("\n")
    out = [f"● {line.strip()}" if line.strip() and len(line.strip()) <= 40 and "。" not in line else line
           for line in lines]
    return "\n".join(out), _same_lines(lines)


_SQUARE = str.maketrans({"〔": "[", "〕": "]"})


def square_brackets(text: str, names: Iterable[str] = ()) -> tuple[str, Spans]:
    """A number's year in ASCII square brackets (晋政发[2020]3号), as a site or a typist without 〔〕 prints it."""
    return text.translate(_SQUARE), _same_lines(text.split("\n"))


PERTURBATIONS: dict[str, Perturbation] = {
    "wrap30": wrap(30),
    "wrap18": wrap(18),
    "halfwidth": halfwidth,
    "spaced_names": spaced_names,
    "indented": indented,
    "blank_between": blank_between,
    "page_furniture": page_furniture(),
    "spaced_headings": spaced_headings,
    "fullwidth_digits": fullwidth_digits,
    "bold_labels": bold_labels,
    "no_blank_lines": no_blank_lines,
    "wrap24": wrap(24),
    "wrap24_blank_between": then(wrap(24), blank_between),
    "square_brackets": square_brackets,
    "wrap30_halfwidth": then(wrap(30), halfwidth),
    "no_blank_wrap24": then(no_blank_lines, wrap(24)),
    "wrap24_page_furniture": then(wrap(24), page_furniture()),
    "bulleted": bulleted,
    "traditional": Traditional(),
    "traditional_wrap24": then(Traditional(), wrap(24)),
}


_KEYS = ("agency", "person", "holder", "cited_number", "cited_title", "body", "title")


def _key_piece(fact: dict, old_line: str, pieces: list[str]) -> int:
    """Which of the lines an old line became prints the fact's key entity (FORMAT.md: the line of the
    person, the agency, the cited number or title); the first when it cannot be found as printed."""
    for key in _KEYS:
        value = fact.get(key) or ""
        for start in range(0, max(0, len(value) - 1)):  # 省财政厅 may be printed 财政厅 (a shared prefix)
            at = old_line.find(value[start:])
            if at >= 0:
                seen = 0
                for i, piece in enumerate(pieces):
                    seen += len(piece)
                    if at < seen:
                        return i
                return 0
    return 0


def _move(fact: dict, spans: Spans, old: list[str], new: list[str]) -> dict:
    src = dict(fact["src"])
    line = min(int(src.get("line") or 1), len(spans))
    end = min(int(src.get("end_line") or line), len(spans))
    first, last = spans[line - 1]
    src["line"] = first + _key_piece(fact, old[line - 1], new[first - 1:last])
    if "end_line" in fact["src"]:
        src["end_line"] = max(src["line"], spans[end - 1][1])
    return {**fact, "src": src}


def perturbed_set(wide: Path, name: str, out: Path) -> tuple[Path, Path]:
    """The wide set's texts and gold through perturbation ``name`` in ``out``: (texts folder, gold folder)."""
    texts, gold = out / "texts", out / "gold"
    texts.mkdir(parents=True)
    gold.mkdir()
    for txt in sorted(wide.glob("*.txt")):
        facts = [json.loads(l) for l in txt.with_suffix(".jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
        names = [f["person"] for f in facts if f.get("type") == "membership" and f.get("person")]
        text = txt.read_text(encoding="utf-8")
        perturbation = PERTURBATIONS[name]
        for step in getattr(perturbation, "steps", (perturbation,)):  # a fact's line is found again after each step
            changed, spans = step(text, names)
            facts = [_move(f, spans, text.split("\n"), changed.split("\n")) for f in facts]
            if hasattr(step, "fact"):  # a step that changes the characters changes the gold's printed values too
                facts = [step.fact(f) for f in facts]
            text = changed
        (texts / txt.name).write_text(text, encoding="utf-8")
        (gold / f"{txt.stem}.jsonl").write_text(
            "".join(json.dumps(f, ensure_ascii=False) + "\n" for f in facts), encoding="utf-8")
    return texts, gold


__all__ = ["PERTURBATIONS", "Spans", "perturbed_set", "wrap", "halfwidth", "spaced_names", "indented", "blank_between", "page_furniture"]
