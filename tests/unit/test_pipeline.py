"""spaCy wiring: extractors registered under versioned names, components in the pipeline, ruler spans."""
import pytest
import spacy

from extractors import citations, pipeline
from extractors.document import document_from_text


@pytest.fixture(scope="module")
def nlp():
    return pipeline.build_nlp()


@pytest.mark.parametrize("name", sorted(pipeline.EXTRACTORS))
def test_extractors_registered_by_versioned_name(name):
    assert name.startswith("govkg.") and name.endswith(".v1")
    assert spacy.registry.misc.get(name)() is pipeline.EXTRACTORS[name]


def test_citations_extractor_is_the_registered_one():
    assert spacy.registry.misc.get("govkg.citations.v1")() is citations.extract


def test_default_components_in_order(nlp):
    assert nlp.pipe_names[0] == "govkg_refs"
    assert set(pipeline.DEFAULT_COMPONENTS) <= set(nlp.pipe_names)


@pytest.mark.parametrize("text,label,span", [
    ("根据《某办法》(国发〔2018〕42号)执行", "DOCNUM", "国发〔2018〕42号"),
    ("落实晋市政发〔2022〕40 号文件", "DOCNUM", "晋市政发〔2022〕40 号"),
    ("依据国务院令第708号", "DOCNUM", "国务院令第708号"),
    ("由市财政局负责", "AGENCY", "市财政局"),
    ("市财政局副局长张三", "POST", "副局长"),
    ("专项办公室成员单位包括市委组织部、市档案局(市档案馆)", "AGENCY", "市委组织部"),
    ("专项办公室成员单位包括市委组织部、市档案局(市档案馆)", "AGENCY", "市档案局(市档案馆)"),
    ("市财政局(牵头)", "AGENCY", "市财政局"),
    ("人行晋城中心支行、中国移动晋城分公司", "AGENCY", "中国移动晋城分公司"),
    ("会同市工业和信息化局", "AGENCY", "市工业和信息化局"),
])
def test_ruler_marks_spans(nlp, text, label, span):
    doc = nlp(text)
    assert (label, span) in {(s.label_, s.text) for s in doc.spans["govkg"]}


def test_extract_document_runs_the_citation_component(nlp):
    doc = document_from_text("根据《国务院关于开展普查的通知》(国发〔2019〕24号)精神")
    facts = pipeline.extract_document(doc, nlp)
    assert [(f.type, f.cited_number) for f in facts if f.type == "citation"] == [("citation", "国发〔2019〕24号")]


@pytest.mark.parametrize("text,words", [
    ("市财政局", ["市", "财", "政", "局"]),
    ("晋市政发〔2022〕40 号", ["晋", "市", "政", "发", "〔", "2022", "〕", "40", " ", "号"]),
    ("第一行\n\n  AQI指数", ["第", "一", "行", "\n\n  ", "AQI", "指", "数"]),
])
def test_tokenizer_words(nlp, text, words):
    doc = nlp.make_doc(text)
    assert [t.text for t in doc] == words
    assert doc.text == text


def test_jieba_segmenter_gives_the_same_facts():
    """The segmenter is a speed choice only: jieba words and per-character tokens yield one fact set."""
    from extractors.pipeline import build_nlp, extract_text
    from tests.support import CORPUS_DIR

    path = sorted(CORPUS_DIR.glob("000_*.txt"))[0]
    text = path.read_text(encoding="utf-8")
    jieba_nlp = build_nlp(segmenter="jieba")
    assert [t.text for t in jieba_nlp.make_doc("市发展和改革委员会")] != list("市发展和改革委员会")  # words, not chars
    char_facts = extract_text(text, path.name, build_nlp())
    jieba_facts = extract_text(text, path.name, jieba_nlp)
    assert char_facts and [f.to_json() for f in jieba_facts] == [f.to_json() for f in char_facts]
    sdoc = jieba_nlp("见晋市政发〔2020〕3号文件")
    # jieba words need not end where a number does (见晋 is one word): the span snaps outward
    assert any(s.label_ == "DOCNUM" and "晋市政发〔2020〕3号" in s.text for s in sdoc.spans["govkg"])


def test_unknown_segmenter_is_refused():
    import pytest

    from extractors.pipeline import build_nlp

    with pytest.raises(ValueError, match="unknown segmenter"):
        build_nlp(segmenter="thulac")
