"""`govkg eval` must agree with the reference scorer in shared/tools."""
import json
import random
import subprocess
import sys

import pytest

from govkg.eval import norm, score
from govkg.facts import read_facts, write_facts
from tests.support import GOLD_DIR, SHARED

pytestmark = pytest.mark.skipif(not GOLD_DIR.is_dir(), reason="needs ../shared/gold")


def reference(gold, pred):
    out = subprocess.run([sys.executable, str(SHARED / "tools" / "kgscore.py"), str(gold), str(pred), "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def perturbed(facts, seed):
    """Drop some facts, shift some assignment spans, corrupt some names."""
    rng = random.Random(seed)
    out = []
    for f in facts:
        d = f.to_dict()
        r = rng.random()
        if r < 0.15:
            continue
        if r < 0.25 and d["type"] == "assignment":
            d["src"]["line"] += rng.choice([-3, 1, 5])
        elif r < 0.3 and d["type"] == "membership":
            d["position"] = (d.get("position") or "") + "X"
        elif r < 0.35 and d["type"] in ("unit", "seat", "body"):
            d["body"] = d["body"] + "Y"
        out.append(d)
    return out


@pytest.mark.parametrize("seed", [1, 2])
def test_agrees_with_kgscore(tmp_path, seed):
    gold = read_facts(GOLD_DIR)
    pred_path = tmp_path / "pred.jsonl"
    pred_path.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in perturbed(gold, seed)), encoding="utf-8")
    ours = score(gold, read_facts(pred_path))
    ref = reference(GOLD_DIR, pred_path)
    for t, s in ours.per_type.items():
        assert (s.tp, s.gold, s.pred) == (ref[t]["tp"], ref[t]["gold"], ref[t]["pred"]), t
        assert round(s.f1, 4) == ref[t]["f1"], t
    assert round(ours.position_accuracy, 4) == ref["position_accuracy"]


def test_gold_against_itself_is_perfect(tmp_path):
    gold = read_facts(GOLD_DIR)
    p = tmp_path / "same.jsonl"
    write_facts(gold, p)
    s = score(gold, read_facts(p))
    assert s.overall.f1 == 1.0 and s.position_accuracy == 1.0


@pytest.mark.parametrize("a,b", [("晋市政办[2020]3号", "晋市政办〔2020〕3号"), ("吴 鹏", "吴鹏"), ("《标题》", "标题")])
def test_norm_folds_printed_variants(a, b):
    assert norm(a) == norm(b)


def test_score_by_file_sums_to_the_whole_and_names_empty_files(tmp_path):
    from govkg.eval import by_file_table, score_by_file
    from govkg.facts import Src, UnitFact

    gold = [UnitFact(src=Src("a.txt", 1), doc="X", body="B", agency="市公安局"),
            UnitFact(src=Src("a.txt", 2), doc="X", body="B", agency="市财政局"),
            UnitFact(src=Src("b.txt", 1), doc="Y", body="C", agency="市教育局")]
    pred = [UnitFact(src=Src("a.txt", 1), doc="X", body="B", agency="市公安局"),
            UnitFact(src=Src("a.txt", 3), doc="X", body="B", agency="市民政局")]
    per_file = score_by_file(gold, pred)
    assert list(per_file) == ["a.txt", "b.txt"]
    assert (per_file["a.txt"].per_type["unit"].tp, per_file["a.txt"].per_type["unit"].pred) == (1, 2)
    whole = score(gold, pred).overall
    assert whole.tp == sum(s.overall.tp for s in per_file.values())
    table = by_file_table(per_file)
    lines = table.splitlines()
    assert lines[1].startswith("b.txt") and "0/1(0)" in lines[1]  # worst first
    assert lines[-1] == "2 files; 1 with gold facts and no predicted fact: b.txt"


def test_cli_eval_by_file(tmp_path):
    gold_stem = sorted(GOLD_DIR.glob("0*.jsonl"))[0]
    facts = read_facts(gold_stem)
    pred = tmp_path / "pred.jsonl"
    write_facts(facts[: len(facts) // 2], pred)
    out = subprocess.run([sys.executable, "-m", "govkg.cli", "eval", str(gold_stem), str(pred), "--by-file"],
                         capture_output=True, text=True, check=True).stdout
    assert "overall" in out and out.strip().splitlines()[-1].startswith("1 files; 0 with gold facts")
