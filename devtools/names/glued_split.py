"""A statistical split of a name glued to its post, trained on the dev gold, against the rule.

    .venv/bin/python -m devtools.names.glued_split [--gold /work/shared/gold] [--wide /work/shared/wide]

Training pairs come from the dev gold projected onto the corpus: each membership with a position
whose person and position are both printed on its source line gives the glued string person +
position and its split point (the person's length). An averaged perceptron ranks the candidate
name lengths (2, 3, 4 where the prefix reads as a name) by character n-gram features of the
boundary (the name's last character, the post's first one to three characters, the bigram across)
and the name's length. It is evaluated on the wide set's pairs built the same way (split accuracy),
against ``govkg.extract.people.names._glued_split`` (the rule), and, with ``--pipeline``, inside the
extraction (membership F1 and position accuracy on the wide set).

The model would ship as a small JSON of weights only if it beat the rule; it does not (see the
printed figures), so nothing of it is package data.
"""
from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from pathlib import Path

from govkg.extract.people import names
from govkg.text.script import simplify

ROOT = Path(__file__).resolve().parents[2]


def pairs(gold_dir: Path, text_dir: Path) -> list[tuple[str, int]]:
    """(glued string, name length) for every membership whose person and position are on its line."""
    out: list[tuple[str, int]] = []
    for g in sorted(gold_dir.glob("*.jsonl")):
        facts = [f for f in (json.loads(line) for line in g.read_text(encoding="utf-8").splitlines() if line.strip())
                 if "src" in f and "type" in f]
        files = {f["src"]["file"] for f in facts}
        for name in files:
            path = text_dir / name
            if not path.exists():
                continue
            lines = path.read_text(encoding="utf-8").splitlines()
            for f in facts:
                if f["type"] != "membership" or not f.get("position") or f["src"]["file"] != name:
                    continue
                line = re.sub(r"\s", "", lines[f["src"]["line"] - 1]) if f["src"]["line"] <= len(lines) else ""
                person, post = f["person"], f["position"]
                if person in line and post in line and "·" not in person:
                    out.append((person + post, len(person)))
    return list(dict.fromkeys(out))


def candidates(s: str) -> list[int]:
    return [k for k in (2, 3, 4) if len(s) > k + 1 and names.is_person_name(s[:k])]


def features(s: str, k: int) -> list[str]:
    t = simplify(s)
    rest = t[k:]
    return [f"len={k}", f"last={t[k - 1]}", f"r1={rest[:1]}", f"r2={rest[:2]}", f"r3={rest[:3]}",
            f"cross={t[k - 1:k + 1]}", f"len={k}|r1={rest[:1]}"]


class Perceptron:
    """An averaged perceptron that ranks candidate split points."""

    def __init__(self) -> None:
        self.w: dict[str, float] = defaultdict(float)
        self._total: dict[str, float] = defaultdict(float)
        self._stamp: dict[str, int] = defaultdict(int)
        self._i = 0

    def score(self, feats: list[str]) -> float:
        return sum(self.w.get(f, 0.0) for f in feats)

    def predict(self, s: str) -> int | None:
        cands = candidates(s)
        return max(cands, key=lambda k: (self.score(features(s, k)), k == 3)) if cands else None

    def _update(self, f: str, v: float) -> None:
        self._total[f] += (self._i - self._stamp[f]) * self.w[f]
        self._stamp[f] = self._i
        self.w[f] += v

    def train(self, data: list[tuple[str, int]], epochs: int = 10) -> None:
        for _ in range(epochs):
            for s, gold in data:
                self._i += 1
                guess = self.predict(s)
                if guess is not None and guess != gold and gold in candidates(s):
                    for f in features(s, gold):
                        self._update(f, 1.0)
                    for f in features(s, guess):
                        self._update(f, -1.0)
        for f in list(self.w):
            self._total[f] += (self._i - self._stamp[f]) * self.w[f]
            self.w[f] = self._total[f] / max(self._i, 1)


def rule(s: str) -> int | None:
    got = names._glued_split(s)
    return len(got[0]) if got else None


def accuracy(predict, data: list[tuple[str, int]]) -> float:
    return sum(predict(s) == k for s, k in data) / max(len(data), 1)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", default="/work/shared/gold")
    ap.add_argument("--wide", default="/work/shared/wide")
    ap.add_argument("--pipeline", action="store_true", help="also run the extraction on the wide set with the model")
    args = ap.parse_args()
    train = pairs(Path(args.gold), ROOT / "corpus")
    test = pairs(Path(args.wide), Path(args.wide))
    model = Perceptron()
    model.train(train)
    print(f"train pairs (dev gold): {len(train)}; test pairs (wide set): {len(test)}")
    print(f"split accuracy on the wide pairs: rule {accuracy(rule, test):.3f}, model {accuracy(model.predict, test):.3f}")
    print(f"split accuracy on the dev pairs:  rule {accuracy(rule, train):.3f}, model {accuracy(model.predict, train):.3f}")
    wrong = [(s, k, model.predict(s)) for s, k in test if model.predict(s) != k][:12]
    print("model misses on the wide pairs:", wrong)
    if args.pipeline:
        from govkg.eval import score
        from govkg.extract.pipeline import extract_files
        from govkg.facts import read_facts

        def model_split(s: str, name_len: int | None = None) -> tuple[str, str] | None:
            k = name_len if name_len and name_len in candidates(s) else model.predict(s)
            return (s[:k], s[k:]) if k else None

        gold = [f for g in sorted(Path(args.wide).glob("*.jsonl")) for f in read_facts(g)]
        for label in ("rule", "model"):
            if label == "model":
                names._glued_split = model_split  # type: ignore[assignment]
                names.split_name_post.cache_clear()
            facts = extract_files(sorted(Path(args.wide).glob("*.txt"))).facts
            m = score(gold, facts).per_type["membership"]
            p, r = m.tp / max(m.pred, 1), m.tp / max(m.gold, 1)
            print(f"wide set with the {label}: membership F1 {2 * p * r / max(p + r, 1e-9):.3f} "
                  f"(tp {m.tp}, gold {m.gold}, pred {m.pred}), position accuracy {score(gold, facts).position_accuracy:.3f}")


if __name__ == "__main__":
    main()
