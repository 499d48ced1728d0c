"""Compare two or more versions: consecutive rounds and, for three or more, a cumulative redline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from assembler.compare import forked
from assembler.compare.model import Round, Version
from assembler.errors import InputFileError
from assembler.ooxml.ns import qn
from assembler.ooxml.package import Package, check_packages, read_package

if TYPE_CHECKING:  # the assessment loads only for agreements the overview assesses
    from assembler.compare.assess import Assessor

# The comparison engine (compare.packages) and the overview load only after forked.start(): the
# overview's child then forks without them, and the fork comes that much earlier.

DEFAULT_AUTHOR = "aftale"


def _core(pkg: Package, tag: str) -> str:
    """A value from docProps/core.xml, or ''."""
    if "docProps/core.xml" not in pkg.parts:
        return ""
    el = pkg.xml("docProps/core.xml").find(qn(tag))
    return (el.text or "").strip() if el is not None else ""


def parse_date(text: str) -> str:
    """Turn a user date (YYYY-MM-DD or ISO date-time) into w:date form; InputFileError if bad."""
    try:
        value = dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError as exc:
        raise InputFileError(
            f"Datoen '{text}' kan ikke læses. Brug formen ÅÅÅÅ-MM-DD, fx 2026-03-01."
        ) from exc
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC).replace(tzinfo=None)
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


def version_of(pkg: Package, author: str | None, date: str | None) -> Version:
    """Who and when for the round that produced this version."""
    who = author or _core(pkg, "cp:lastModifiedBy") or _core(pkg, "dc:creator") or DEFAULT_AUTHOR
    if date:
        when = parse_date(date)
    else:
        modified = _core(pkg, "dcterms:modified")
        try:
            when = parse_date(modified) if modified else ""
        except InputFileError:
            when = ""
        if not when:
            stamp = dt.datetime.fromtimestamp(pkg.path.stat().st_mtime, dt.UTC)
            when = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    return Version(pkg.path, who, when)


def _pick(values: list[str], k: int) -> str | None:
    """The k-th per-round value, or the single value for all rounds."""
    if not values:
        return None
    if len(values) == 1:
        return values[0]
    return values[k] if k < len(values) else None


def compare_pair(
    old: Package, new: Package, version_old: Version, version_new: Version, label: str
) -> Round:
    """Compare two read packages into one round."""
    from assembler.compare.packages import compare_packages  # after the fork (see above)

    result = compare_packages(old, new, version_new.author, version_new.date)
    notes = list(result.notes)
    if result.prior_old:
        total = sum(v for k, v in result.prior_old.items() if k != "commentRangeStart")
        if total:
            notes.append(
                f"{version_old.path.name} indeholder {total} sporede ændringer; den sammenlignes "
                "som teksten var før dem, og de vises ikke som egne ændringer i redlinen."
            )
        if result.prior_old.get("commentRangeStart"):
            notes.append(
                f"{version_old.path.name} har {result.prior_old['commentRangeStart']} kommentarer, "
                "som ikke kommer med i redlinen (kun den nyeste versions kommentarer bevares)."
            )
    total = 0
    if result.prior_new:
        total = sum(v for k, v in result.prior_new.items() if k != "commentRangeStart")
        comments = result.prior_new.get("commentRangeStart", 0)
        notes.append(
            f"{version_new.path.name} indeholdt allerede {total} sporede ændringer og {comments} "
            "kommentarer; de er bevaret med deres oprindelige forfattere og datoer."
        )
    return Round(
        label,
        version_old,
        version_new,
        result.data,
        result.changes,
        result.counts,
        notes,
        deviations=result.deviations,
        prior_new=total,
    )


def compare_versions(
    paths: list[Path], authors: list[str], dates: list[str], assessors: Sequence[Assessor] = ()
) -> list[Round]:
    """Read every version first (bad input stops everything), compare round by round, then
    write each round's overview rows (the assessors add to its assessment column)."""
    if len(paths) < 2:
        raise InputFileError("Angiv mindst to versioner, der skal sammenlignes.")
    if len(authors) > 1 and len(authors) != len(paths) - 1:
        raise InputFileError(
            f"Angiv én --forfatter for hver runde ({len(paths) - 1}) eller én for alle; "
            f"der er angivet {len(authors)}."
        )
    if len(dates) > 1 and len(dates) != len(paths) - 1:
        raise InputFileError(
            f"Angiv én --dato for hver runde ({len(paths) - 1}) eller én for alle; "
            f"der er angivet {len(dates)}."
        )
    for d in dates:
        parse_date(d)
    packages = [read_package(p, "docx", parts_later=True) for p in paths]
    forked.start(packages)  # the overview's assessment beside the comparison, where allowed
    # the parts besides the body are proved well-formed beside the child's work, not before
    # it: the child starts sooner and only parses what it reads (a broken part stops it)
    check_packages(packages)
    versions = [version_of(packages[0], None, None)]
    for k, pkg in enumerate(packages[1:]):
        versions.append(version_of(pkg, _pick(authors, k), _pick(dates, k)))
    rounds = [
        compare_pair(
            packages[k], packages[k + 1], versions[k], versions[k + 1], f"v{k + 1}→v{k + 2}"
        )
        for k in range(len(packages) - 1)
    ]
    if len(packages) >= 3:
        last = versions[-1]
        authors_all = " / ".join(dict.fromkeys(v.author for v in versions[1:]))
        cumulative = Version(last.path, authors_all, last.date)
        whole = compare_pair(
            packages[0], packages[-1], versions[0], cumulative, f"v1→v{len(packages)}"
        )
        from assembler.compare.attribute import attribute  # three or more versions only

        attributed, total = attribute(whole, rounds)
        if total:
            whole.notes.append(
                f"{attributed} af {total} indsættelser og sletninger i den samlede redline er "
                "tilskrevet den runde, der lavede dem; resten (tekst ændret i flere runder, "
                f"formatering og afsnitsmærker) står med forfatterne '{authors_all}'."
            )
        rounds.append(whole)
    from assembler.compare.overview import describe_rounds

    describe_rounds(rounds, assessors, packages={p.path: p for p in packages})
    return rounds


def output_paths(out: Path, rounds: int) -> list[Path]:
    """Where each round's redline goes: `out` for one round; numbered files plus `out` otherwise."""
    if rounds == 1:
        return [out]
    return [out.with_name(f"{out.stem}-runde{k + 1}{out.suffix}") for k in range(rounds - 1)] + [
        out
    ]
