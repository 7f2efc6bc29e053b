"""Every source the shipped library cites is on a trusted domain (resources/library/
trusted_domains.toml), and medicines cite their own FDA label."""

from __future__ import annotations

import tomllib
import urllib.parse

from companion.library.service import LibraryService
from companion.library.sources import source_root

LIBRARY = LibraryService()
# Kinds of site the review found facts resting on; none may come back.
NEVER_TRUSTED = (
    "droracle.ai",  # AI-written
    "laoslucius.com",  # label copies
    "minclinic.eu",
    "pocketpills.com",
    "skyscape.com",
    "drugs.com",
    "goodrx.com",
    "prescriberpoint.com",
    "vercel.app",  # mirrors and test copies
    "fastly.net",
)


def trusted_domains() -> dict[str, dict[str, str]]:
    with (source_root() / "trusted_domains.toml").open("rb") as handle:
        return tomllib.load(handle)["domain"]


def test_every_trusted_domain_says_why() -> None:
    domains = trusted_domains()
    assert len(domains) >= 20
    assert all(len(d["reason"]) > 15 for d in domains.values())


def test_every_cited_address_is_on_a_trusted_domain() -> None:
    trusted = trusted_domains()
    for tag, source in LIBRARY.sources().items():
        if source.url:
            host = urllib.parse.urlsplit(source.url).hostname or ""
            assert host in trusted, f"{tag}: {host}"
            assert not host.endswith(NEVER_TRUSTED), f"{tag}: {host}"
    assert not any(host.endswith(NEVER_TRUSTED) for host in trusted)


def test_each_medicine_cites_an_fda_label() -> None:
    labels = {
        tag
        for tag, source in LIBRARY.sources().items()
        if urllib.parse.urlsplit(source.url).hostname
        in ("api.fda.gov", "dailymed.nlm.nih.gov", "www.accessdata.fda.gov")
    }
    for drug in LIBRARY.drugs():
        cited = {t for s in drug.sections for f in s.facts for t in f.sources}
        assert cited & labels, drug.id


def test_each_medicine_names_the_label_version_it_was_checked_against() -> None:
    """Issue 14: each drug entry names the FDA label record (and its date) its facts
    were checked against, so a reviewer can tell when a newer label needs a look."""
    for path in sorted((source_root() / "drugs").glob("*.toml")):
        with path.open("rb") as handle:
            version = tomllib.load(handle).get("label_version", "")
        assert any(where in version for where in ("openFDA", "Drugs@FDA", "DailyMed")), path.stem
        assert any(str(year) in version for year in range(2010, 2027)), path.stem
