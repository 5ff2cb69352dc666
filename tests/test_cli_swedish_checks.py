"""The command line's own checks speak Swedish by default (an sv_SE locale, or none) and
English with --lang en: refused updates and filters, counts in the form the number asks for
("1 ärende", "3 ärenden") with a no-break space between thousands."""

from __future__ import annotations

import pytest

NBSP = "\u00a0"


@pytest.fixture
def db(gk_sv, case_log):
    for answers in (
        "prohibited=ja,owns_channel=ja",
        "prohibited=nej,positive=nej,defamatory=nej,joking=nej,factual_error=ja",
    ):
        done = gk_sv("--answers", answers, "--save", "--db", str(case_log))
        assert done.returncode == 0, done.stderr
    return str(case_log)


def test_refused_updates_and_filters_are_told_in_swedish(gk_sv, db):
    nothing = gk_sv("records", "update", "2026-0001", "--db", db)
    assert nothing.returncode == 2
    assert "gk-respond: fel: inget att ändra; ange --tick, --untick" in nothing.stderr
    beyond = gk_sv("records", "update", "2026-0001", "--tick", "9", "--db", db)
    assert "ärende 2026-0001 (remove) har steg 1 till 5; det finns inget steg 9" in beyond.stderr
    unknown = gk_sv("records", "list", "--outcome", "remov", "--db", db)
    assert unknown.returncode == 2 and "okänt utfall remov; giltiga utfall: reinforce" in (
        unknown.stderr
    )
    reversed_range = gk_sv(
        "records", "list", "--since", "2026-05-01", "--until", "2026-01-01", "--db", db
    )
    assert "--since 2026-05-01 ligger efter --until 2026-01-01" in reversed_range.stderr
    english = gk_sv("records", "list", "--outcome", "remov", "--db", db, "--lang", "en")
    assert "unknown outcome remov; valid: reinforce" in english.stderr


def test_counts_take_the_form_the_number_asks_for(gk_sv, db, tmp_path):
    out = tmp_path / "ärenden.csv"
    written = gk_sv("records", "export", "--format", "csv", "--output", str(out), "--db", db)
    assert written.returncode == 0, written.stderr
    assert written.stderr == f"gk-respond: skrev 2 ärenden till {out}\n"
    one = tmp_path / "ett.csv"
    just_one = gk_sv(
        "records", "export", "--format", "csv", "--outcome", "remove", "--output", str(one),
        "--db", db,
    )  # fmt: skip
    assert just_one.stderr == f"gk-respond: skrev 1 ärende till {one}\n"
    verified = gk_sv("records", "verify", "--db", db)
    assert (
        ": hel — 2 ärenden har kontrollerats (" in verified.stdout
    )  # the URL without its password


def test_a_reply_check_for_an_unknown_outcome_names_the_valid_ones(gk_sv, tmp_path):
    reply = tmp_path / "svar.txt"
    reply.write_text("Hej! Tack för att du hör av dig.", encoding="utf-8")
    checked = gk_sv("reply", "check", "--outcome", "nope", str(reply))
    assert checked.returncode == 2
    assert "okänt utfall 'nope'; giltiga utfall: reinforce" in checked.stderr
    reply.write_bytes(b"Hej \xff")
    broken = gk_sv("reply", "check", "--outcome", "correct", str(reply))
    assert f"{reply}: är inte UTF-8-text (byten 5 kan inte läsas)" in broken.stderr


def test_a_serve_that_nobody_could_sign_in_to_is_refused_in_swedish(gk_sv, db):
    refused = gk_sv("serve", "--host", "0.0.0.0", "--db", db)
    assert refused.returncode == 2
    assert "0.0.0.0 kan nås från andra datorer, och det finns inga konton" in refused.stderr
    assert "gk-respond users add NAMN --role informationsansvarig" in refused.stderr
    header = gk_sv("serve", "--trust-header", "X-Remote-User", "--db", db)
    assert "--trust-header kräver --trusted-proxy ADRESS" in header.stderr


def test_the_list_counts_thousands_with_a_no_break_space(gk_sv, tmp_path):
    """`records list` says how many it did not show: 1 200 cases, 100 shown."""
    from tui_helpers import fill_cases

    db = str(tmp_path / "many.db")
    fill_cases(db, 1200)
    listed = gk_sv("records", "list", "--limit", "100", "--db", db)
    assert listed.returncode == 0, listed.stderr
    assert f"100 av 1{NBSP}200 ärenden visade" in listed.stderr


def test_a_path_refused_for_personal_data_is_told_in_swedish(gk_sv, tmp_path):
    link = tmp_path / "cases.db"
    link.symlink_to(tmp_path / "elsewhere.db")
    linked = gk_sv("records", "list", "--db", str(link))
    assert linked.returncode == 4
    assert linked.stderr == (
        f"gk-respond: fel: {link}: är en symbolisk länk (till {tmp_path / 'elsewhere.db'}); "
        "filer med personuppgifter öppnas aldrig genom en länk: ange filens egen sökväg\n"
    )


def test_an_export_onto_a_folder_is_refused_in_swedish(gk_sv, db, tmp_path):
    refused = gk_sv("records", "export", "--output", str(tmp_path), "--db", db)
    assert refused.returncode != 0
    assert refused.stderr == (
        f"gk-respond: fel: {tmp_path}: är en mapp, inte en fil; den lämnas som den är\n"
    )


def test_the_reply_checkers_tally_takes_the_form_each_number_asks_for():
    from gk_respond.strings import reply_counts

    assert reply_counts({"error": 1, "warning": 1, "hint": 1}, "sv") == "1 fel, 1 varning, 1 tips"
    assert reply_counts({"error": 2, "warning": 3, "hint": 0}, "sv") == "2 fel, 3 varningar, 0 tips"
    assert reply_counts({"error": 1, "warning": 2, "hint": 1}, "en") == (
        "1 error, 2 warnings, 1 hint"
    )
