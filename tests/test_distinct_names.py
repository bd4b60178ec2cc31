"""distinct_names cleans an outlet and headline as source_name and source_title do."""
from __future__ import annotations

from kerryview.model import Document
from kerryview.sources import distinct_names, source_title


def _doc(doc_id: str, title: str | None, outlet: str | None) -> Document:
    return Document(id=doc_id, path=f"/x/{doc_id}.txt", text="", title=title, outlet=outlet)


def test_names_are_one_line_without_tabs_or_double_spaces():
    docs = {"a": _doc("a", "Kerry\n  says   talks\tresume", "Reuters"),
            "b": _doc("b", "Other", "Reuters ")}
    assert distinct_names(docs) == {"a": "Reuters (Kerry says talks resume)",
                                    "b": "Reuters (Other)"}
    assert [source_title(d) for d in docs.values()] == ["Reuters: Kerry says talks resume",
                                                        "Reuters: Other"]
    docs = {"a": _doc("a", "T1", "Reuters"), "b": _doc("b", "T2", "Reuters\n")}
    assert distinct_names(docs) == {"a": "Reuters (T1)", "b": "Reuters (T2)"}


def test_a_headline_of_dashes_is_never_named_by_an_ellipsis_alone():
    docs = {"a": _doc("a", "-" * 60, "Reuters"), "b": _doc("b", "T2", "Reuters")}
    name = distinct_names(docs)["a"]
    assert name.startswith("Reuters (---") and name.endswith("…)") and len(name) <= 50
    assert source_title(_doc("c", "-" * 200, None)).startswith("---")


def test_an_outlet_with_a_blank_headline_is_told_apart_by_its_file():
    docs = {"a": _doc("a", " \n\t", "Reuters"), "b": _doc("b", None, "Reuters"),
            "c": _doc("c", "Talks", "Reuters")}
    assert distinct_names(docs) == {"a": "Reuters (article a)", "b": "Reuters (article b)",
                                    "c": "Reuters (Talks)"}
