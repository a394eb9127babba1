"""People that composition sentences put on a body: 组长由X担任, 由X任组长, X兼任办公室主任, 以X为组长,
A、B分别任组长、副组长."""
from __future__ import annotations

import re

from govkg.extract.people.groups import in_turn, only_people, people
from govkg.extract.people.lists import Member
from govkg.extract.people.names import ROLES, is_person_name, slot_name, split_name_post
from govkg.extract.prose import Stream

_ROLE_ALT = "|".join(map(re.escape, ROLES))


# the role may name its body first: …兼任联席会议办公室主任
_OWN_BODY = r"(?:(?:(?![任兼由担])[\u4e00-\u9fff]){0,16}?(?:领导小组|领导组|指挥部|委员会|联席会议|专班|小组))?"
_P_SERVE = re.compile(rf"^(?P<who>.+?)(?:同志)?(?P<verb>兼任|担任|任){_OWN_BODY}(?P<role>{_ROLE_ALT})(?:职务)?$")


# the people of a 由…担任 may be set apart by commas: 副组长由市委常委、副市长张华，副市长王强担任
_P_BY = re.compile(rf"(?P<role>{_ROLE_ALT})由(?P<who>[^。;；由]+?)(?:同志)?(?P<verb>兼任|担任|出任)")


_P_BY_SERVE = re.compile(rf"由(?P<who>[^,，。;；由]+?)(?:同志)?(?P<verb>兼任|担任|任)(?P<role>{_ROLE_ALT})")


# 由副市长张华、王强同志分别任第一副组长、副组长 / 组长、副组长分别由A、B担任: the people take the roles in turn
_ROLES_LIST = rf"(?P<roles>(?:{_ROLE_ALT})(?:[、和及](?:{_ROLE_ALT}))+)"


_P_EACH = (re.compile(rf"^由?(?P<who>.+?)(?:同志)?分别(?P<verb>兼任|担任|任){_ROLES_LIST}(?:职务)?$"),
           re.compile(rf"^{_ROLES_LIST}分别由(?P<who>.+?)(?:同志)?(?P<verb>兼任|担任)$"))


_P_AS = re.compile(rf"为(?P<role>{_ROLE_ALT})")


# the role first, then the people who hold it: 副组长分别为市委常委张华、副市长王强; 成员包括：A、B、C
_P_ROLE_IS = re.compile(rf"(?:^|(?<=[，,：:]))\s*{_OWN_BODY}(?P<role>{_ROLE_ALT})(?:分别|依次)?(?:为|是|包括|有)[:：]?(?P<who>.+)$")


# 成立以县委书记张三任组长…的X: the set-up verb and 以 open the clause, not the post
_SET_UP_WITH = re.compile(r"^.*(?:成立|设立|组建|建立)以")
_GIVES_ROLE = re.compile(rf"(?:担任|兼任|任)(?:{_ROLE_ALT})")


# 由Y同志接替X同志任副组长: Y takes the role, X leaves it
_REPLACES = re.compile(r"(?:同志)?(?:接替|替代|代替|替换)[^,，。;；]{1,20}$")
# X同志不再担任副组长，由Y同志接任: the role X leaves is Y's
_P_SUCCEEDS = re.compile(rf"不再(?:担任|兼任){_OWN_BODY}(?P<role>{_ROLE_ALT})(?:职务)?[，,]?(?:其职务|该职务|此职)?(?:改)?由"
                         rf"(?P<who>[^,，。;；由]+?)(?:同志)?(?P<verb>接任|继任|接替|递补|补任|担任|兼任)")


_P_LABEL = re.compile(r"(?P<role>办公室(?:副)?主任)[:：](?P<who>[^,，。;；\n]+)")


def composition_sentences(st: Stream, lo: int, hi: int) -> list[Member]:
    """People that sentences on lines ``lo``..``hi`` put on a body (``X兼任办公室主任``, ``组长由X担任`` …)."""
    out: list[Member] = []
    start, stop = st.span(lo, hi)
    for sent in re.finditer(r"[^\n。；;]+", st.text[start:stop]):
        a = start + sent.start()
        if not lo <= st.line_at(a) <= hi and not lo <= st.line_at(start + sent.end() - 1) <= hi:
            continue
        s = sent.group(0)
        # clauses that only list people share the role of the clause that ends the list:
        # 副市长张华、王强，市政府秘书长李明任副组长
        listed: list[tuple[int, list[tuple[str, str | None]]]] = []
        for cl in re.finditer(r"[^,，]+", s):
            c = cl.group(0)
            m = _P_SERVE.match(c)
            if m and "由" not in m.group("who"):
                conc = m.group("verb") == "兼任"
                who = _REPLACES.sub("", _SET_UP_WITH.sub("", m.group("who")))
                for at, ppl in listed:
                    for name, post in ppl:
                        out.append(Member(m.group("role"), name, post, conc, st.line_at(a + s.find(name, at))))
                for name, post in people(who):
                    pos = a + cl.start() + who.find(name)
                    out.append(Member(m.group("role"), name, post, conc, st.line_at(pos)))
                listed = []
                continue
            each = _P_EACH[0].match(c) or _P_EACH[1].match(c)
            if each:
                who = each.group("who")
                for role, (name, post) in in_turn(who, re.split(r"[、和及]", each.group("roles"))):
                    pos = a + cl.start() + each.start("who") + who.find(name)
                    out.append(Member(role, name, post, each.group("verb") == "兼任", st.line_at(pos)))
                listed = []
                continue
            bare = c[1:] if c.startswith("由") else c
            ppl = people(bare)
            listed = listed + [(cl.start(), ppl)] if ppl and only_people(bare, ppl, slack=0) else []
        for pat in (_P_BY, _P_BY_SERVE, _P_SUCCEEDS):
            for m in pat.finditer(s):
                who = _REPLACES.sub("", m.group("who"))
                ppl = people(who)
                if not ppl and s.startswith("同志", m.end("who")) and slot_name(who):
                    ppl = [(who, None)]  # 由阿拉腾苏和同志兼任: 同志 marks a name the surname list does not know
                if not ppl or re.search(r"[,，]", who) and not only_people(who, ppl, slack=0) or "分别" in who:
                    continue  # (分别: roles in turn, read above)
                for name, post in ppl:
                    pos = a + m.start("who") + who.find(name)
                    out.append(Member(m.group("role"), name, post, m.group("verb") == "兼任", st.line_at(pos)))
        for m in _P_ROLE_IS.finditer(s):
            who = m.group("who")
            for part in (who, re.split(r"[，,]", who)[0]):  # the list may end its sentence or its clause
                ppl = people(part)
                if ppl and only_people(part, ppl, slack=0):
                    for name, post in ppl:
                        out.append(Member(m.group("role"), name, post, False, st.line_at(a + m.start("who") + who.find(name))))
                    break
        # 以市长张三为组长、副市长李四为副组长
        prev = 0
        for m in _P_AS.finditer(s):
            lead = max(s.rfind("以", prev, m.start()) + 1, prev)
            who = s[lead:m.start()].strip("、，,和及").removesuffix("同志")
            prev = m.end()
            if _GIVES_ROLE.search(who):
                continue  # 以A任组长，B任副组长，…为成员的X: the clauses before gave their own roles
            for name, post in people(who):
                pos = a + lead + who.find(name)
                out.append(Member(m.group("role"), name, post, False, st.line_at(pos)))
        for m in _P_LABEL.finditer(s):
            got = split_name_post(m.group("who"))
            if got and is_person_name(got[0]):
                name, post, conc = got
                out.append(Member(m.group("role"), name, post, conc, st.line_at(a + m.start("who"))))
    return out


__all__ = ["composition_sentences"]
