"""The web pages' own texts, in Swedish and English; anything not here comes from the app's
catalogue (gk_respond/strings.py), so a word the TUI uses reads the same in the browser."""

from __future__ import annotations

from ..strings import STRINGS
from .account_texts import ACCOUNT_TEXTS

LANGS = ("sv", "en")

WEB: dict[str, dict[str, str]] = {
    "sv": {
        "site": "gk-respond",
        "skip_to_content": "Hoppa till innehållet",
        "nav": "Huvudmeny",
        "nav_triage": "Ny kommentar",
        "nav_cases": "Ärenden",
        "nav_channels": "Kanaler",
        "nav_flowchart": "Flödesschema",
        "signed_in_as": "Inloggad som {name} ({role})",
        "working_as": "Du arbetar som {name}",
        "sign_out": "Logga ut",
        "sign_in": "Logga in",
        "sign_in_heading": "Logga in i gk-respond",
        "user_name": "Användarnamn",
        "password": "Lösenord",
        "signed_out": "Du är utloggad.",
        "wrong_login": "Fel användarnamn eller lösenord.",
        "too_many_attempts": "För många misslyckade försök. Vänta en kvart och försök igen.",
        "role_kommunikatör": "kommunikatör",
        "role_informationsansvarig": "informationsansvarig",
        "comment_intro": "Klistra in kommentaren och det du vet om den. Allt är frivilligt.",
        "start_walk": "Till första frågan",
        "question_of": "Fråga {n}",
        "answers_so_far": "Dina svar hittills",
        "no_answers_yet": "Inga svar ännu.",
        "change_answer": "Ändra",
        "answer_buttons": "Svar",
        "earlier_marked": "Ditt tidigare svar är markerat.",
        "register_marked": "Förvalt från kanalregistret: kanalen ”{channel}”.",
        "walk_gone": (
            "Hanteringen finns inte längre (den har inte använts på länge, eller servern har "
            "startats om). Börja med en ny kommentar."
        ),
        "stale_answer": "Sidan var gammal: här är frågan som gäller nu.",
        "outcome_heading": "Utfall: {title}",
        "save_ticks": "Spara bockarna",
        "ticks_kept": "Bockarna är sparade.",
        "note_label": "Anteckning (sparas med ärendet)",
        "keep_note_button": "Spara anteckningen",
        "note_kept": "Anteckningen är sparad.",
        "download_markdown": "Ladda ned som Markdown",
        "summary_label": "Sammanfattning att kopiera",
        "saved_notice": "Sparat som ärende {case}.",
        "open_case": "Öppna ärende {case}",
        "not_saved_yet": "Inte sparat i ärendeloggen.",
        "changed_since_save": "Sparat som ärende {case}; senare ändringar är inte sparade.",
        "save_again": "Spara ändringarna",
        "comment_none": "(ingen kommentar angiven)",
        "count_cases": "{n} ärenden",
        "count_one_case": "1 ärende",
        "filter": "Filtrera",
        "since": "Från och med (ÅÅÅÅ-MM-DD)",
        "until": "Till och med (ÅÅÅÅ-MM-DD)",
        "all_handlers": "Alla handläggare",
        "bad_date": "{value} är inget datum; skriv ÅÅÅÅ-MM-DD",
        "page_of": "Sida {page} av {pages}",
        "previous_page": "Föregående sida",
        "next_page": "Nästa sida",
        "pages": "Sidor",
        "download": "Ladda ned",
        "download_csv": "CSV (Excel)",
        "download_json": "JSON",
        "download_md": "Markdown",
        "case_heading": "Ärende {case}",
        "fields": "Uppgifter",
        "add_note": "Lägg till en anteckning",
        "note_added": "Anteckningen är tillagd.",
        "note_empty": "Skriv något i anteckningen först.",
        "followup": "Uppföljning",
        "save_followup": "Spara uppföljningen",
        "followup_saved": "Uppföljningen är sparad.",
        "removed_at_hint": "när den togs bort: nu, ÅÅÅÅ-MM-DD eller ÅÅÅÅ-MM-DD TT:MM; tomt rensar",
        "bad_time": "{value} är ingen tid; skriv nu, ÅÅÅÅ-MM-DD eller ÅÅÅÅ-MM-DD TT:MM",
        "future_time": "{value} ligger i framtiden",
        "close_case": "Stäng ärendet",
        "reopen_case": "Öppna ärendet igen",
        "no_such_case": "Det finns inget ärende {case}.",
        "comment_sha": "Kommentarens kontrollsumma (sha256)",
        "channels_intro": (
            "Kommunens kanaler i sociala medier med aktivitetsplanen för var och en "
            "(policyn, Bilaga 1)."
        ),
        "public_link": "Den offentliga förteckningen (för gullspang.se)",
        "only_manager": "Bara en informationsansvarig kan ändra registret.",
        "confirm_remove_button": "Ja, ta bort kanalen",
        "problems_heading": "Kanalen är inte sparad. Rätta det här:",
        "actions": "Åtgärder",
        "flowchart_intro": "Hela flödesschemat. Svaren i din pågående hantering är markerade ✔.",
        "decision_table": "Beslutstabell: alla vägar till ett utfall",
        "path_number": "Väg",
        "answers": "Svar",
        "tree": "Flödesschemat som träd",
        "error_heading": "Något gick fel",
        "error_404": "Sidan finns inte.",
        "error_403": "Du har inte behörighet till det här.",
        "error_400": "Begäran kunde inte tas emot: {detail}",
        "error_csrf": (
            "Formuläret kom från en gammal sida eller en annan webbplats och togs inte emot. "
            "Ladda om sidan och försök igen."
        ),
        "error_413": "Det du skickade är för stort.",
        "error_500": "Ett fel uppstod på servern. Inget är ändrat; försök igen.",
        "error_store": "Ärendeloggen kan inte användas: {error}",
        "to_start": "Till startsidan",
        "public_intro": (
            "Här är de tjänster i sociala medier där Gullspångs kommun är aktiv "
            "(kommunens policy för sociala medier)."
        ),
        "public_in_other": "In English",
        "required": "(krävs)",
        "admins_help": ("Minst två administratörer (policyn, Bilaga 1). Lämna tomma rader tomma."),
        "skip_comment": "Hoppa över kommentaren",
    },
    "en": {
        "site": "gk-respond",
        "skip_to_content": "Skip to the content",
        "nav": "Main menu",
        "nav_triage": "New comment",
        "nav_cases": "Cases",
        "nav_channels": "Channels",
        "nav_flowchart": "Flowchart",
        "signed_in_as": "Signed in as {name} ({role})",
        "working_as": "You work as {name}",
        "sign_out": "Sign out",
        "sign_in": "Sign in",
        "sign_in_heading": "Sign in to gk-respond",
        "user_name": "User name",
        "password": "Password",
        "signed_out": "You are signed out.",
        "wrong_login": "Wrong user name or password.",
        "too_many_attempts": "Too many failed attempts. Wait a quarter of an hour and try again.",
        "role_kommunikatör": "communicator (kommunikatör)",
        "role_informationsansvarig": "information officer (informationsansvarig)",
        "comment_intro": "Paste the comment and what you know about it. Every field is optional.",
        "start_walk": "To the first question",
        "question_of": "Question {n}",
        "answers_so_far": "Your answers so far",
        "no_answers_yet": "No answers yet.",
        "change_answer": "Change",
        "answer_buttons": "Answers",
        "earlier_marked": "Your earlier answer is marked.",
        "register_marked": "Preselected from the channel register: the channel “{channel}”.",
        "walk_gone": (
            "This triage no longer exists (it was not used for a long time, or the server was "
            "restarted). Start with a new comment."
        ),
        "stale_answer": "That page was old: here is the question that applies now.",
        "outcome_heading": "Outcome: {title}",
        "save_ticks": "Keep the ticks",
        "ticks_kept": "The ticks are kept.",
        "note_label": "Note (saved with the case)",
        "keep_note_button": "Keep the note",
        "note_kept": "The note is kept.",
        "download_markdown": "Download as Markdown",
        "summary_label": "Summary to copy",
        "saved_notice": "Saved as case {case}.",
        "open_case": "Open case {case}",
        "not_saved_yet": "Not saved in the case log.",
        "changed_since_save": "Saved as case {case}; later changes are not saved.",
        "save_again": "Save the changes",
        "comment_none": "(no comment given)",
        "count_cases": "{n} cases",
        "count_one_case": "1 case",
        "filter": "Filter",
        "since": "From (YYYY-MM-DD)",
        "until": "Until (YYYY-MM-DD)",
        "all_handlers": "All handlers",
        "bad_date": "{value} is not a date; use YYYY-MM-DD",
        "page_of": "Page {page} of {pages}",
        "previous_page": "Previous page",
        "next_page": "Next page",
        "pages": "Pages",
        "download": "Download",
        "download_csv": "CSV (Excel)",
        "download_json": "JSON",
        "download_md": "Markdown",
        "case_heading": "Case {case}",
        "fields": "Details",
        "add_note": "Add a note",
        "note_added": "The note is added.",
        "note_empty": "Write something in the note first.",
        "followup": "Follow-up",
        "save_followup": "Save the follow-up",
        "followup_saved": "The follow-up is saved.",
        "removed_at_hint": "when it was removed: now, YYYY-MM-DD or YYYY-MM-DD HH:MM; empty clears",
        "bad_time": "{value} is not a time; use now, YYYY-MM-DD or YYYY-MM-DD HH:MM",
        "future_time": "{value} is in the future",
        "close_case": "Close the case",
        "reopen_case": "Reopen the case",
        "no_such_case": "There is no case {case}.",
        "comment_sha": "The comment's checksum (sha256)",
        "channels_intro": (
            "The municipality's social-media channels, each with its activity plan "
            "(the policy, Bilaga 1)."
        ),
        "public_link": "The public list (for gullspang.se)",
        "only_manager": "Only an information officer may change the register.",
        "confirm_remove_button": "Yes, remove the channel",
        "problems_heading": "The channel is not saved. Put this right:",
        "actions": "Actions",
        "flowchart_intro": "The whole flowchart. The answers of your triage in progress are "
        "marked ✔.",
        "decision_table": "Decision table: every path to an outcome",
        "path_number": "Path",
        "answers": "Answers",
        "tree": "The flowchart as a tree",
        "error_heading": "Something went wrong",
        "error_404": "There is no such page.",
        "error_403": "You may not do this.",
        "error_400": "The request could not be taken: {detail}",
        "error_csrf": (
            "The form came from an old page or another site and was not taken. "
            "Reload the page and try again."
        ),
        "error_413": "What you sent is too large.",
        "error_500": "An error happened on the server. Nothing was changed; try again.",
        "error_store": "The case log cannot be used: {error}",
        "to_start": "To the start page",
        "public_intro": (
            "These are the social-media services where Gullspångs kommun is active "
            "(the municipality's social-media policy)."
        ),
        "public_in_other": "På svenska",
        "required": "(required)",
        "admins_help": (
            "At least two administrators (the policy, Bilaga 1). Leave unused rows empty."
        ),
        "skip_comment": "Skip the comment",
    },
}


for _lang, _texts in ACCOUNT_TEXTS.items():
    WEB[_lang].update(_texts)


def t(lang: str, key: str) -> str:
    found = WEB[lang].get(key)
    return found if found is not None else STRINGS[lang][key]
