"""The numbers of ``pmtui report`` and the Insights screen, across a folder of
post-mortems. No Textual here.

- post-mortems by severity and by month (of the incident's date);
- process gaps by type, with the spec's fix category, and how many are ticked fixed;
- action items opened (by the post-mortem's month) and done (by their done month),
  completion rate (Done / all);
- median days from the post-mortem's date to an item's done date; the files hold no done
  date, so it comes from git (:mod:`pmtui.repo.gitdates`), and the report says how many
  done items could not be dated;
- overdue items by owner;
- the most frequent words of the key learnings, without stop words.
"""

from __future__ import annotations

import collections
import datetime as dt
import re
import statistics
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from pmtui.document.model import GAP_TYPES, GapType, Severity, Status
from pmtui.repo.actions import owners_of
from pmtui.repo.gitdates import DoneDates
from pmtui.repo.index import Entry

#: Words that say little about what was learnt (English function words, and words every
#: post-mortem uses).
STOP_WORDS = frozenset(
    """
    a about above after again against all also am an and any are aren't as at be because
    been before being below between both but by can can't cannot could couldn't did didn't
    do does doesn't doing don't down during each even ever every few for from further get
    gets got had hadn't has hasn't have haven't having he her here hers herself him himself
    his how however i if in into is isn't it it's its itself just let's like made make
    makes many may me might more most much must mustn't my myself need needs no nor not now
    of off often on once one only or other ought our ours ourselves out over own per rather
    really same shan't she should shouldn't since so some such than that that's the their
    theirs them themselves then there there's these they they're this those though through
    thus to too under until up upon us use used using very via was wasn't way we we're
    were weren't what what's when where which while who whom why will with without won't
    would wouldn't yet you your yours yourself yourselves
    also always another anything around back better come etc first go going good keep
    know known lot new next never nothing something still take thing things time two
    well went work
    """.split()  # noqa: SIM905 - a word list reads better as text
)
_WORD_RE = re.compile(r"[a-z][a-z0-9'’-]*[a-z0-9]")
#: Shortest word counted.
MIN_WORD = 3


def learning_words(learnings: Iterable[str], top: int = 15) -> list[tuple[str, int]]:
    """The ``top`` most frequent words (a word counts once per learning)."""
    counts: collections.Counter[str] = collections.Counter()
    for text in learnings:
        words = set()
        for raw in _WORD_RE.findall(text.casefold().replace("’", "'")):
            word = raw.removesuffix("'s")
            if len(word) >= MIN_WORD and word not in STOP_WORDS and not word.isdigit():
                words.add(word)
        counts.update(words)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]


@dataclass
class GapStat:
    type: str
    fix_category: str
    total: int = 0
    fixed: int = 0


@dataclass
class OwnerStat:
    owner: str
    overdue: int = 0
    most_days: int = 0


@dataclass
class Report:
    """Everything the report shows (``as_dict`` is ``--format json``)."""

    today: dt.date
    since: dt.date | None
    postmortems: int = 0
    undated: int = 0
    unreadable: list[str] = field(default_factory=list)
    by_severity: dict[str, int] = field(default_factory=dict)
    by_month: dict[str, int] = field(default_factory=dict)
    gaps: list[GapStat] = field(default_factory=list)
    untyped_gaps: int = 0
    actions: int = 0
    done: int = 0
    in_progress: int = 0
    pending: int = 0
    opened_by_month: dict[str, int] = field(default_factory=dict)
    done_by_month: dict[str, int] = field(default_factory=dict)
    #: Days from the post-mortem's date to each dated done item.
    days_to_done: list[int] = field(default_factory=list)
    #: Done items without a done date (not committed yet, or no git).
    done_undated: int = 0
    done_dates_note: str = ""
    overdue: int = 0
    overdue_by_owner: list[OwnerStat] = field(default_factory=list)
    learning_words: list[tuple[str, int]] = field(default_factory=list)

    @property
    def completion_rate(self) -> float | None:
        return self.done / self.actions if self.actions else None

    @property
    def median_days_to_done(self) -> float | None:
        return statistics.median(self.days_to_done) if self.days_to_done else None

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["today"] = self.today.isoformat()
        data["since"] = self.since.isoformat() if self.since else None
        data["completion_rate"] = self.completion_rate
        data["median_days_to_done"] = self.median_days_to_done
        data["learning_words"] = [{"word": w, "count": n} for w, n in self.learning_words]
        return data


def _month(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def build(
    entries: Iterable[Entry],
    *,
    today: dt.date,
    since: dt.date | None = None,
    done_dates: DoneDates | None = None,
) -> Report:
    """The report over ``entries`` (with ``since``: post-mortems dated on or after it;
    undated drafts are left out then)."""
    report = Report(today=today, since=since)
    report.by_severity = {s.value: 0 for s in Severity} | {"none": 0}
    stats = {t: GapStat(t.value, GAP_TYPES[t].fix_category) for t in GapType}
    owners: dict[str, OwnerStat] = {}
    learnings: list[str] = []
    for entry in entries:
        if entry.error is not None:
            report.unreadable.append(entry.error)
            continue
        date = entry.date
        if since is not None and (date is None or date < since):
            continue
        report.postmortems += 1
        report.by_severity[entry.severity or "none"] += 1
        if date is None:
            report.undated += 1
        else:
            report.by_month[_month(date)] = report.by_month.get(_month(date), 0) + 1
        for kind, done in entry.gaps:
            if kind is None:
                report.untyped_gaps += 1
                continue
            stat = stats[GapType(kind)]
            stat.total += 1
            stat.fixed += int(done)
        for row in entry.actions:
            report.actions += 1
            if date is not None:
                key = _month(date)
                report.opened_by_month[key] = report.opened_by_month.get(key, 0) + 1
            if row.status == Status.DONE:
                report.done += 1
                when = done_dates.date_of(row.path, row.action) if done_dates else None
                if when is None:
                    report.done_undated += 1
                else:
                    key = _month(when)
                    report.done_by_month[key] = report.done_by_month.get(key, 0) + 1
                    if date is not None:
                        report.days_to_done.append(max(0, (when - date).days))
            elif row.status == Status.IN_PROGRESS:
                report.in_progress += 1
            else:
                report.pending += 1
            late = row.overdue_days(today)
            if late:
                report.overdue += 1
                for name in owners_of(row.owner) or ["(no owner)"]:
                    stat_o = owners.setdefault(name, OwnerStat(name))
                    stat_o.overdue += 1
                    stat_o.most_days = max(stat_o.most_days, late)
        learnings.extend(entry.learnings)
    report.by_month = dict(sorted(report.by_month.items()))
    report.opened_by_month = dict(sorted(report.opened_by_month.items()))
    report.done_by_month = dict(sorted(report.done_by_month.items()))
    report.gaps = list(stats.values())
    report.overdue_by_owner = sorted(owners.values(), key=lambda o: (-o.overdue, o.owner))
    report.learning_words = learning_words(learnings)
    if done_dates is not None:
        report.done_dates_note = done_dates.note
    return report
