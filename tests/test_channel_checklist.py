"""The account checklist of the channel register (the policy's "Hur ska kontot se ut?" and
the account manager's information duties) through the CLI: items as data with their
`source:`, set per channel, kept out of the public list, `channels list --incomplete`."""

from __future__ import annotations

import json
import re

import pytest
import yaml
from policy_text import policy_folder_or_skip
from test_channels_cli import ADD

from gk_respond.records import checklist


@pytest.fixture
def gk(gk_sv):
    """These tests read what a Swedish user gets: the command line under a Swedish locale."""
    return gk_sv


def update(gk, db, *args: str):
    return gk("channels", "update", "kommunen-facebook", "--db", str(db), *args)


def test_checking_and_unchecking_items(gk, tmp_path):
    db = tmp_path / "cases.db"
    assert gk("channels", "add", "--db", str(db), *ADD).returncode == 0
    listed = gk("channels", "list", "--incomplete", "--db", str(db), "--lang", "sv")
    assert listed.stdout.startswith("kommunen-facebook: 7 av 7 punkter kvar (logo_and_name, ")
    every = [f"--check={item}" for item in checklist.ids()]
    assert update(gk, db, *every[:-1]).returncode == 0
    left = gk("channels", "list", "--incomplete", "--db", str(db), "--format", "json")
    assert json.loads(left.stdout) == [
        {"id": "kommunen-facebook", "left": ["personal_data_notice"]}
    ]
    assert update(gk, db, every[-1], "--uncheck", "logo_and_name").returncode == 0
    shown = gk("channels", "show", "kommunen-facebook", "--db", str(db), "--lang", "en").stdout
    assert "[ ] logo_and_name: The municipality's logo" in shown
    assert "[x] personal_data_notice:" in shown
    assert "replaced on 25 May 2018 by the EU General Data Protection Regulation (GDPR)" in shown
    assert update(gk, db, "--check", "logo_and_name").returncode == 0
    done = gk("channels", "list", "--incomplete", "--db", str(db), "--lang", "en")
    assert done.stdout == "Every channel's checklist is done.\n"
    # the public list shows nothing of it; the full register keeps it
    for form in ("markdown", "html"):
        public = gk("channels", "export", "--format", form, "--db", str(db)).stdout
        assert "logo_and_name" not in public and "GDPR" not in public
    full = yaml.safe_load(gk("channels", "export", "--format", "yaml", "--db", str(db)).stdout)
    assert full["channels"][0]["checklist"] == list(checklist.ids())


def test_an_unknown_item_is_refused_and_nothing_changes(gk, tmp_path):
    db = tmp_path / "cases.db"
    assert gk("channels", "add", "--db", str(db), *ADD).returncode == 0
    refused = update(gk, db, "--check", "logo_and_name", "--check", "logga", "--lang", "en")
    assert refused.returncode == 2
    assert "--check: 'logga' is not an item of the checklist; valid items: logo_and_name," in (
        refused.stderr
    )
    shown = gk("channels", "show", "kommunen-facebook", "--db", str(db)).stdout
    assert "[x]" not in shown


def test_every_item_quotes_the_policy_and_pul_is_named_as_replaced():
    items = checklist.items()
    assert [i.id for i in items][:5] == [
        "logo_and_name", "purpose_official", "part_of_municipality", "update_frequency",
        "contacts_and_link",
    ]  # fmt: skip
    notice = next(i for i in items if i.id == "personal_data_notice")
    assert "personuppgiftslagen, PUL" in notice.source
    assert "GDPR" in notice.text("sv") and "25 maj 2018" in notice.note("sv")
    assert "om ansvar för elektroniska anslagstavlor" in next(
        i for i in items if i.id == "account_holder_identity"
    ).text("sv")
    seeds = policy_folder_or_skip()
    policy = " ".join(" ".join(p.read_text("utf-8").split()) for p in seeds.glob("*.txt"))
    for item in items:
        for quote in re.findall(r"”([^”]+)”", item.source):
            assert " ".join(quote.split()) in policy, (item.id, quote)
