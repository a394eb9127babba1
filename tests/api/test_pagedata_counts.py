"""What an entity page's section headings count."""
from __future__ import annotations

from govkg.api.pagedata import Group, Row, Section


def test_a_body_reached_two_ways_counts_once_in_the_heading():
    body = Row("Body", "body/x/防汛抗旱指挥部", "市防汛抗旱指挥部")
    other = Row("Body", "body/x/森林防火指挥部", "市森林防火指挥部")
    sits = Section("bodies", "所在议事协调机构", "Bodies it sits on",
                   groups=[Group("作为成员单位", "as member unit", [body, other]), Group("经由人员", "through its people", [body])])
    assert sits.size == 2


def test_an_ungrouped_section_counts_its_rows():
    rows = [Row("Post", "post/a", "市长"), Row("Post", "post/b", "副市长")]
    assert Section("posts", "职务", "Posts", rows=rows).size == 2
