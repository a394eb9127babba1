"""``govkg review``: judgements made on the command line, kept in their file, applied by the next build."""
from __future__ import annotations

import csv

from typer.testing import CliRunner

from govkg.cli import app
from tests.conftest import ROOT

runner = CliRunner()
GOLD = ROOT.parent / "shared" / "gold"
PERSON, BODY = "person/晋城市/丁坚强", "body/晋城市/千名干部入企服务活动工作领导小组"
A, B = "agency/中共晋城市委宣传部", "agency/中共晋城市委宣传部分"


def _rows(path):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_judgements_from_the_cli_survive_a_rebuild_from_scratch(tmp_path):
    env = {"GOVKG_JUDGEMENTS": str(tmp_path / "data" / "judgements.jsonl"), "USER": "alice"}
    made = [runner.invoke(app, ["review", "wrong", "MEMBER_OF", PERSON, BODY, "--role", "成员", "--why", "not him"], env=env),
            runner.invoke(app, ["review", "same", A, B, "--why", "one department"], env=env),
            runner.invoke(app, ["review", "same", "agency/晋城市无此局", A], env=env)]
    assert [r.exit_code for r in made] == [0, 0, 0], [r.output for r in made]
    assert "the next govkg build applies it" in made[0].stdout
    listed = runner.invoke(app, ["review", "list"], env=env)
    assert listed.exit_code == 0 and len(listed.stdout.splitlines()) == 3 and "by alice" in listed.stdout

    out = tmp_path / "build"
    built = runner.invoke(app, ["build", "--facts", str(GOLD), "--out", str(out), "--no-load"], env=env,
                          terminal_width=200)
    assert built.exit_code == 0, built.output
    assert "2 judgement(s) applied" in built.stderr
    assert "matches nothing now" in built.stderr and "agency/晋城市无此局" in built.stderr  # reported, not dropped
    nodes, edges = _rows(out / "nodes.csv"), _rows(out / "edges.csv")
    ids = {n["Id"] for n in nodes}
    assert A in ids and B not in ids
    assert "one department" in next(n["reviewed"] for n in nodes if n["Id"] == A)
    assert not [e for e in edges if (e["Source"], e["Target"], e["relation"]) == (PERSON, BODY, "MEMBER_OF")]
    assert [e for e in edges if e["Target"] == BODY and e["relation"] == "MEMBER_OF"]  # the others stay
    assert "same agency/中共晋城市委宣传部" in (out / "graph.ttl").read_text(encoding="utf-8")


def test_a_bad_judgement_is_refused_and_nothing_is_written(tmp_path):
    env = {"GOVKG_JUDGEMENTS": str(tmp_path / "judgements.jsonl")}
    r = runner.invoke(app, ["review", "same", A, "person/晋城市/张三"], env=env)
    assert r.exit_code == 2 and "of one kind" in r.stderr
    r = runner.invoke(app, ["review", "wrong", "CITES", A, B], env=env)
    assert r.exit_code == 2 and "cannot be judged" in r.stderr
    assert not (tmp_path / "judgements.jsonl").exists()


def test_a_broken_judgements_file_refuses_the_build_and_keeps_the_old_one(tmp_path):
    path = tmp_path / "judgements.jsonl"
    path.write_text("{not json\n", encoding="utf-8")
    r = runner.invoke(app, ["build", "--facts", str(GOLD), "--out", str(tmp_path / "b"), "--no-load"],
                      env={"GOVKG_JUDGEMENTS": str(path)})
    assert r.exit_code == 2 and "judgements.jsonl:1: not JSON" in r.stderr
    assert not (tmp_path / "b" / "graph.ttl").exists()
