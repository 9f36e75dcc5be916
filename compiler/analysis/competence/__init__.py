"""The registry's meaning: who may exercise which power, on which date, by which chain of grants.

Input: the resolved `Registry` (authorities, instruments, grants, transfers), an authority, a power,
a date and the `Settings`. Output: `competence(...) -> Answer`: competent or not, the chain of
grants from the original holder to the authority, the flaws of that chain (`Flaw`: the unlawful
links that the TT2xx rules report) and an explanation in Vietnamese and English.

    powers.py       powers, links, ranks: the registry's vocabulary, date aside
    names.py        authorities, instruments, links, dates and levels in both languages
    validity.py     whether an authority, instrument or link holds on a date (`Gap`)
    flaws.py        the lawfulness of one grant, date aside (`grant_flaws`, `Flaw`)
    search.py       the chain search (`competence`, `Answer`, `Reason`)
    explanation.py  the wording of an answer

The semantics, in one place:
- Powers are dotted strings; a grant of `ho-tich` covers `ho-tich.dang-ky-khai-sinh` (prefix by
  whole segments).
- A chain starts at an original holder: a devolution (phân quyền, by law), a transfer (what
  moved when the district level ended, in force with its instrument), or a grant given by a
  central-level body or by no one named. Any other grant (phân cấp, ủy quyền) holds only while
  its giver itself holds the power on that date.
- Dates are inclusive. An authority exists from `starts` to `until`, and a district-level one
  never after `Settings.district_level_ends`. A grant is in force from `starts` to `until` and
  while at least one instrument it cites is in force. An instrument is in force from `in_force`
  to `until`, and no longer once an instrument that `replaces` it is in force. No date (`on` is
  `None`): no date test.
- An individual heading a collective body (`of`) does not hold the collective's power, nor the
  collective its head's: that confusion is TT107, not competence.
- `grant_flaws` is the lawfulness of one grant, date aside (TT201–TT205); an ủy quyền whose
  term has ended on the date is a dated flaw (TT202). A chain with a flaw makes no one competent.
"""

from tthc.compiler.analysis.competence.flaws import Flaw, grant_flaws, remembered_flaws
from tthc.compiler.analysis.competence.powers import Link, covers, overlaps
from tthc.compiler.analysis.competence.search import Answer, Reason, competence

__all__ = [
    "Answer",
    "Flaw",
    "Link",
    "Reason",
    "competence",
    "covers",
    "grant_flaws",
    "overlaps",
    "remembered_flaws",
]
