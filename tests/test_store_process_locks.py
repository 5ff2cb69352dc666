"""A process that keeps an SQLite case log open (the web server keeps one per thread)
and opens it again meanwhile (another thread, a read of the app) keeps its hold on the
log: another process's save and close never deletes the WAL under it, so every save of
both is kept, with numbers that never repeat, and the log never reads as damaged."""

from __future__ import annotations

import os

from test_records_store import case

from gk_respond.records.store import Store


def test_a_kept_log_opened_again_meanwhile_loses_no_save(gk, tmp_path):
    path = str(tmp_path / "cases.db")
    with Store(path) as store:
        store.save(case(comment_text="först"))
    kept = Store(path)  # as a web server's thread keeps it
    saved = []
    for n in range(3):
        Store(path, readonly=True).close()  # another open in this process, and its close
        cli = gk("--answers", "prohibited=ja,owns_channel=ja", "--save", "--db", path)
        assert cli.returncode == 0, cli.stderr
        saved.append(kept.save(case(comment_text=f"webb {n}")).number)
        assert os.path.exists(path + "-wal")  # still the log's, with the kept open
        assert kept.count() == 3 + 2 * n  # every save so far, seen by the kept one
    kept.close()
    with Store(path, readonly=True) as store:
        numbers = [c.number for c in store.cases()]
        texts = [c.comment_text for c in store.cases()]
    assert len(numbers) == len(set(numbers)) == 7
    assert all(f"webb {n}" in texts for n in range(3))
