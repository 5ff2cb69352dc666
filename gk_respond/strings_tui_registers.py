"""The app's strings for the contact list, the channel form's account checklist, the case
log's warnings and its pages, the command palette and a paste cut short; merged into
``strings.STRINGS``."""

from __future__ import annotations

TUI_REGISTER_STRINGS: dict[str, dict[str, str]] = {
    "sv": {
        # the contact list (Ctrl+O)
        "contact_list": "Kontakter: vem som har rollerna vägledningen nämner",
        "new_contact": "Ny kontakt",
        "edit_contact": "Ändra",
        "remove_contact": "Ta bort",
        "save_contact": "Spara kontakten",
        "co_f_id": "Id",
        "co_hint_id": "kort namn: små bokstäver, siffror, bindestreck; tomt: rollens id",
        "co_f_role": "Roll",
        "co_f_name": "Namn",
        "co_hint_name": "för- och efternamn",
        "co_f_email": "E-post",
        "co_hint_email": "namn@gullspang.se",
        "co_f_phone": "Telefon",
        "co_hint_phone": "0551-360 00",
        "contact_form_new": "Ny kontakt",
        "contact_form_edit": "Kontakten {id}",
        "contact_saved": "Kontakten {id} är sparad.",
        "contact_removed": "Kontakten {id} är borttagen.",
        "contact_not_saved": "Kontakten är inte sparad: rätta det som är markerat.",
        "confirm_remove_contact": "Ta bort kontakten {name} ({id})?",
        "co_nobody_tui": "ingen angiven (Ctrl+O: kontakterna)",
        # the channel form's account checklist
        "cl_heading": "Kontots checklista (policyn: Hur ska kontot se ut?)",
        "cl_left_count": "{left} av {total} punkter kvar",
        "cl_none_left": "Alla punkter är klara.",
        # the case log's warnings
        "log_warning": "Varning om ärendeloggen: {warning}",
        # the command palette
        "palette_no_matches": "Inga kommandon matchar",
        "palette_open": "Öppna kommandopaletten",
        # a paste cut short (tui/paste.py)
        "paste_cut": "Det inklistrade var längre än {limit} tecken: de första {limit} är "
        "inklistrade, resten togs inte med.",
        # the case log a page at a time (Ctrl+R)
        "case_range": "{first}–{last} av {total} ärenden",
        "case_range_one": "1 ärende",
        "case_range_counting": "{first}–{last} av … ärenden",  # the count still being read
        "next_page": "Nästa sida",
        "previous_page": "Föregående sida",
    },
    "en": {
        "contact_list": "Contacts: who holds the roles the guidance names",
        "new_contact": "New contact",
        "edit_contact": "Edit",
        "remove_contact": "Remove",
        "save_contact": "Save the contact",
        "co_f_id": "Id",
        "co_hint_id": "short name: small letters, digits, hyphens; blank: the role's id",
        "co_f_role": "Role",
        "co_f_name": "Name",
        "co_hint_name": "first name and surname",
        "co_f_email": "E-mail",
        "co_hint_email": "name@gullspang.se",
        "co_f_phone": "Phone",
        "co_hint_phone": "0551-360 00",
        "contact_form_new": "New contact",
        "contact_form_edit": "Contact {id}",
        "contact_saved": "Contact {id} is saved.",
        "contact_removed": "Contact {id} is removed.",
        "contact_not_saved": "The contact is not saved: correct what is marked.",
        "confirm_remove_contact": "Remove contact {name} ({id})?",
        "co_nobody_tui": "none given (Ctrl+O: the contacts)",
        "cl_heading": "The account checklist (the policy: Hur ska kontot se ut?)",
        "cl_left_count": "{left} of {total} items to do",
        "cl_none_left": "Every item is done.",
        "log_warning": "About the case log: {warning}",
        "palette_no_matches": "No command matches",
        "palette_open": "Open the command palette",
        "paste_cut": "The paste was longer than {limit} characters: the first {limit} are "
        "pasted, the rest was left out.",
        "case_range": "{first}–{last} of {total} cases",
        "case_range_one": "1 case",
        "case_range_counting": "{first}–{last} of … cases",
        "next_page": "Next page",
        "previous_page": "Previous page",
    },
}
