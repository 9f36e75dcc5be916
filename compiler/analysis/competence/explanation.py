"""The explanation of a competence answer, in Vietnamese and English.

Input: the `Registry`, the authority asked about, the power and the date. Output: `Explanation`,
whose methods word each kind of answer: competent by a chain of links, unknown, not existing
on the date, nobody or others holding the power, a head confused with its body, a link not in
force, a giver without the power, an unlawful link, a circular chain.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cached_property

from tthc.compiler import Registry
from tthc.compiler.analysis.competence.flaws import Flaw
from tthc.compiler.analysis.competence.names import MODE_EN, MODE_VI, citation, day, link_name, who
from tthc.compiler.analysis.competence.powers import Link
from tthc.compiler.analysis.competence.validity import Gap
from tthc.dsl import CODES, Message, ast

# (vi, en) words, not `Message`s: words, which the explanations put together into messages.
_COLLECTIVE = ("tập thể", "the collective body")
_INDIVIDUAL = ("cá nhân", "the individual")


class Explanation:
    """The explanations of one answer, in both languages; nothing is worded before a method is
    called (most answers are never shown)."""

    def __init__(self, model: Registry, name: str, power: str, on: dt.date | None) -> None:
        self.model, self.power, self._name, self._on = model, power, name, on

    @cached_property
    def name(self) -> Message:
        return who(self.model, self._name)

    @cached_property
    def date(self) -> Message:
        on = self._on
        return (
            Message(vi=f" vào ngày {day(on).vi}", en=f" on {day(on).en}")
            if on
            else Message(vi="", en="")
        )

    def _join(self, parts: list[Message], vi: str = "; ", en: str = "; ") -> Message:
        return Message(vi=vi.join(p.vi for p in parts), en=en.join(p.en for p in parts))

    def step(self, link: Link) -> Message:
        """One link in words: `A phân cấp cho B (giao quyền “x”, căn cứ …)`."""
        giver = (
            who(self.model, link.giver.value) if link.giver else Message(vi="Luật", en="the law")
        )
        to = who(self.model, link.receiver.value)
        cited = self._join([citation(c) for c in link.basis], vi=", ", en=", ")
        if isinstance(link, ast.Transfer):
            verb = Message(vi="chuyển giao cho", en="transfers it to")
        else:
            verb = Message(vi=f"{MODE_VI[link.mode]} cho", en=f"{MODE_EN[link.mode]} it to")
        name = link_name(link)
        return Message(
            vi=f"{giver.vi} {verb.vi} {to.vi} ({name.vi}, căn cứ {cited.vi or '—'})",
            en=f"{giver.en} {verb.en} {to.en} ({name.en}, basis {cited.en or '—'})",
        )

    def competent(self, chain: tuple[Link, ...]) -> Message:
        steps = self._join([self.step(link) for link in chain])
        return Message(
            vi=f"{self.name.vi} có thẩm quyền “{self.power}”{self.date.vi}: {steps.vi}",
            en=f"{self.name.en} is competent for '{self.power}'{self.date.en}: {steps.en}",
        )

    def absent(self, gap: Gap) -> Message:
        when = Message(vi=self.date.vi.strip() or "trong thời gian này", en=self.date.en.strip())
        return Message(
            vi=f"{when.vi[0].upper()}{when.vi[1:]}, {self.name.vi} không tồn tại: {gap.message.vi}",
            en=f"{self.name.en} does not exist{self.date.en}: {gap.message.en}",
        )

    def unknown(self) -> Message:
        return Message(
            vi=f"Không có “{self.name.vi}” trong sổ đăng ký",
            en=f"'{self.name.en}' is not in the registry",
        )

    def nobody(self) -> Message:
        return Message(
            vi=f"Sổ đăng ký không ghi thẩm quyền “{self.power}” cho chủ thể nào",
            en=f"No grant in the registry gives the power '{self.power}' to anyone",
        )

    def others(self, holders: tuple[str, ...]) -> Message:
        names = self._join([who(self.model, h) for h in holders], vi=", ", en=", ")
        return Message(
            vi=f"Sổ đăng ký không ghi thẩm quyền “{self.power}” cho {self.name.vi}; sổ đăng ký "
            f"ghi thẩm quyền này cho {names.vi}",
            en=f"The registry records no grant of '{self.power}' to {self.name.en}; it records "
            f"it for {names.en}",
        )

    def head(self, body: str) -> Message:
        """The power is the collective body's, and the individual asked about is its head."""
        return self._held_by(body, _COLLECTIVE, _INDIVIDUAL)

    def member(self, person: str) -> Message:
        """The power is an individual's, and the collective body asked about is not them."""
        return self._held_by(person, _INDIVIDUAL, _COLLECTIVE)

    def _held_by(self, holder: str, held_as: tuple[str, str], asked_as: tuple[str, str]) -> Message:
        by = who(self.model, holder)
        return Message(
            vi=f"Sổ đăng ký ghi thẩm quyền “{self.power}” cho {held_as[0]} {by.vi}, không ghi "
            f"cho {asked_as[0]} {self.name.vi}",
            en=f"The registry records the power '{self.power}' for {held_as[1]} {by.en}, "
            f"not for {asked_as[1]} {self.name.en}",
        )

    def not_in_force(self, link: Link, gap: Gap) -> Message:
        name = link_name(link)
        return Message(
            vi=f"{self.name.vi} nhận thẩm quyền “{self.power}” theo {name.vi}, "
            f"nhưng{self.date.vi} {gap.message.vi}",
            en=f"{self.name.en} holds '{self.power}' by {name.en}, "
            f"but{self.date.en} {gap.message.en}",
        )

    def giver_not_competent(self, link: Link, why_not: Callable[[], Message]) -> Message:
        """`why_not` words why the giver does not hold the power (its own answer)."""
        giver = who(self.model, link.giver.value if link.giver else "")
        name, why = link_name(link), why_not()
        return Message(
            vi=f"{self.name.vi} nhận thẩm quyền “{self.power}” từ {giver.vi} ({name.vi}), "
            f"nhưng bên giao không có thẩm quyền đó: {why.vi}",
            en=f"{self.name.en} receives '{self.power}' from {giver.en} ({name.en}), "
            f"but the giver does not hold it: {why.en}",
        )

    def illegal(self, flaw: Flaw) -> Message:
        name, title = link_name(flaw.grant), CODES[flaw.code].title
        return Message(
            vi=f"{self.name.vi} nhận thẩm quyền “{self.power}” qua {name.vi}, là mắt xích "
            f"không hợp pháp: {title.vi} ({flaw.code})",
            en=f"{self.name.en} holds '{self.power}' through {name.en}, an unlawful link: "
            f"{title.en} ({flaw.code})",
        )

    def circular(self) -> Message:
        return Message(
            vi=f"chuỗi giao quyền “{self.power}” quay lại {self.name.vi}",
            en=f"the chain of '{self.power}' comes back to {self.name.en}",
        )
