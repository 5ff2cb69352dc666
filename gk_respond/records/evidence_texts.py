"""What the evidence commands and the case sheet say, in Swedish and English. Data, no logic:
``say(lang, key, **params)`` fills one in. Values put into a text are made visible by the
caller (they may be a hostile file name)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "sv": {
        # errors
        "not_found": "{path}: finns inte",
        "unreadable": "{path}: kan inte läsas ({error})",
        "not_a_file": "{path}: är {kind}, ingen fil; inget bifogades",
        "kind_folder": "en mapp",
        "kind_device": "en enhet",
        "kind_pipe": "ett namngivet rör (FIFO)",
        "kind_socket": "en socket",
        "kind_other": "inte en vanlig fil",
        "empty": "{path}: är tom (0 byte); inget bifogades (är den färdigsparad?)",
        "too_big": "{path}: är {size}, större än gränsen {limit} per fil; inget bifogades "
        "(--max-size eller GK_RESPOND_ATTACHMENT_LIMIT ändrar gränsen)",
        "changed": "{path}: ändrades medan den lästes (storlek eller ändringstid); inget "
        "bifogades: bifoga den igen när den är färdigsparad",
        "not_utf8_name": "{path}: filnamnet är inte UTF-8; byt namn på filen och försök igen",
        "twice": "{path}: samma innehåll som {other} i samma kommando; inget bifogades",
        "already": "{path}: är redan bifogad till ärende {case} som bilaga {k} "
        "(sha256 {sha}); inget bifogades",
        "no_attachment": "ärende {case} har ingen bilaga {k}{valid}",
        "valid_attachments": " (bilagor: {valid})",
        "none_yet": " (inga bilagor än)",
        "already_withdrawn": "bilaga {k} i ärende {case} drogs redan tillbaka {at} av {by}: "
        "{reason}",
        "no_reason": "--reason behövs: varför dras bilagan tillbaka?",
        "damaged": "bilaga {k} i ärende {case} är skadad i ärendeloggen (sha256 stämmer inte); "
        "ingenting skrevs: återställ ärendeloggen från en säkerhetskopia",
        "bad_size": "{text!r} är ingen storlek; skriv till exempel 25MB, 500kB eller 1048576",
        "bad_size_env": "GK_RESPOND_ATTACHMENT_LIMIT={text!r} är ingen storlek; skriv till "
        "exempel 25MB",
        # confirmations
        "attached": "bifogade {count} fil(er) till ärende {case}",
        "withdrawn_done": "bilaga {k} i ärende {case} är tillbakadragen (den finns kvar)",
        "attachment_what": "bilaga {k} i ärende {case}",
        "extracted_withdrawn": "obs: bilagan drogs tillbaka {at} av {by}: {reason}",
        # lists and the case sheet
        "attachments": "Bilagor",
        "no_attachments": "ärende {case} har inga bilagor",
        "withdrawn_note": "TILLBAKADRAGEN {at} av {by}: {reason}",
        "attached_by": "bifogad {at} av {by}",
        "history_attached": "bifogade bilaga {k}: {name} ({size}, sha256 {sha})",
        "history_withdrawn": "drog tillbaka bilaga {k}: {name} (sha256 {sha}), skäl: {reason}",
        "history_change": "{kind}",
        "by": "av",
        "sheet_title": "Ärendeblad",
        "sheet_subtitle": "Gullspångs kommun, sociala medier: ärende {case}",
        "sheet_made": "Utskrivet {at} av gk-respond {version}",
        "sheet_page": "Ärende {case}, sida {page} av {{nb}}",
        "comment_verbatim": "Kommentaren ordagrant",
        "sha256_comment": "SHA-256 för kommentaren (UTF-8)",
        "image_unshown": "(bilden kan inte visas: {error})",
        "missing_glyph_note": "Styrtecken och tecken som typsnittet saknar visas som <U+XXXX> "
        "(deras nummer i Unicode).",
        "output_needed": "--output FIL behövs för --format pdf (en PDF skrivs aldrig till "
        "terminalen)",
        "sheet_what": "ärendebladet för {case}",
        "size_bytes": "{n} byte",
    },
    "en": {
        "not_found": "{path}: does not exist",
        "unreadable": "{path}: cannot be read ({error})",
        "not_a_file": "{path}: is {kind}, not a file; nothing was attached",
        "kind_folder": "a folder",
        "kind_device": "a device",
        "kind_pipe": "a named pipe (FIFO)",
        "kind_socket": "a socket",
        "kind_other": "not a regular file",
        "empty": "{path}: is empty (0 bytes); nothing was attached (is it saved yet?)",
        "too_big": "{path}: is {size}, over the limit of {limit} per file; nothing was "
        "attached (--max-size or GK_RESPOND_ATTACHMENT_LIMIT sets the limit)",
        "changed": "{path}: changed while it was read (its size or time of change); nothing "
        "was attached: attach it again when it is saved",
        "not_utf8_name": "{path}: the file name is not UTF-8; rename the file and try again",
        "twice": "{path}: the same content as {other} in this command; nothing was attached",
        "already": "{path}: is attached to case {case} already, as attachment {k} "
        "(sha256 {sha}); nothing was attached",
        "no_attachment": "case {case} has no attachment {k}{valid}",
        "valid_attachments": " (attachments: {valid})",
        "none_yet": " (no attachments yet)",
        "already_withdrawn": "attachment {k} of case {case} was withdrawn already, {at} by "
        "{by}: {reason}",
        "no_reason": "--reason is needed: why is the attachment withdrawn?",
        "damaged": "attachment {k} of case {case} is damaged in the case log (its sha256 does "
        "not match); nothing was written: restore the case log from a backup",
        "bad_size": "{text!r} is not a size; write 25MB, 500kB or 1048576, say",
        "bad_size_env": "GK_RESPOND_ATTACHMENT_LIMIT={text!r} is not a size; write 25MB, say",
        "attached": "attached {count} file(s) to case {case}",
        "withdrawn_done": "attachment {k} of case {case} is withdrawn (it is kept)",
        "attachment_what": "attachment {k} of case {case}",
        "extracted_withdrawn": "note: the attachment was withdrawn {at} by {by}: {reason}",
        "attachments": "Attachments",
        "no_attachments": "case {case} has no attachments",
        "withdrawn_note": "WITHDRAWN {at} by {by}: {reason}",
        "attached_by": "attached {at} by {by}",
        "history_attached": "attached attachment {k}: {name} ({size}, sha256 {sha})",
        "history_withdrawn": "withdrew attachment {k}: {name} (sha256 {sha}), reason: {reason}",
        "history_change": "{kind}",
        "by": "by",
        "sheet_title": "Case sheet",
        "sheet_subtitle": "Gullspångs kommun, social media: case {case}",
        "sheet_made": "Printed {at} by gk-respond {version}",
        "sheet_page": "Case {case}, page {page} of {{nb}}",
        "comment_verbatim": "The comment, verbatim",
        "sha256_comment": "SHA-256 of the comment (UTF-8)",
        "image_unshown": "(the image cannot be shown: {error})",
        "missing_glyph_note": "Control characters and characters the font lacks are shown as "
        "<U+XXXX> (their Unicode number).",
        "output_needed": "--output FILE is needed for --format pdf (a PDF is never written to "
        "the terminal)",
        "sheet_what": "the case sheet for {case}",
        "size_bytes": "{n} bytes",
    },
}


def say(lang: str, key: str, **params: object) -> str:
    """The text ``key`` in ``lang`` (Swedish for any other), filled in with ``params``."""
    return TEXTS.get(lang, TEXTS["sv"])[key].format(**params)
