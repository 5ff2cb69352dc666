"""The strings of the contact list and the account checklist, merged into ``strings.STRINGS``."""

from __future__ import annotations

CONTACT_STRINGS: dict[str, dict[str, str]] = {
    "sv": {
        "co_role": "{role!r} är ingen roll flödesschemat känner; giltiga roller: {roles}",
        "co_duplicate_id": "det finns redan en kontakt med id {id!r}",
        "co_no_contact": "det finns ingen kontakt med id {id!r}",
        "contacts": "Kontakter",
        "co_nobody": "ingen angiven (gk-respond contacts add)",
        "co_channel_admins": "Kanalens administratörer ({name})",
        "no_contacts": "Inga kontakter",
        "cl_done": "klar",
        "cl_left": "kvar",
        "checklist": "Kontots checklista (policyn: Hur ska kontot se ut?)",
        "ch_checklist_item": "{item!r} är ingen punkt i checklistan; giltiga punkter: {items}",
        "cl_incomplete": "{id}: {left} av {total} punkter kvar ({items})",
        "cl_all_done": "Alla kanalers checklistor är klara.",
        "ch_f_checklist": "Checklista",
        "cl_note": "Obs",
    },
    "en": {
        "co_role": "{role!r} is not a role the flowchart knows; valid roles: {roles}",
        "co_duplicate_id": "there is already a contact with id {id!r}",
        "co_no_contact": "there is no contact with id {id!r}",
        "contacts": "Contacts",
        "co_nobody": "none given (gk-respond contacts add)",
        "co_channel_admins": "The channel's administrators ({name})",
        "no_contacts": "No contacts",
        "cl_done": "done",
        "cl_left": "to do",
        "checklist": "The account checklist (the policy: Hur ska kontot se ut?)",
        "ch_checklist_item": "{item!r} is not an item of the checklist; valid items: {items}",
        "cl_incomplete": "{id}: {left} of {total} items to do ({items})",
        "cl_all_done": "Every channel's checklist is done.",
        "ch_f_checklist": "Checklist",
        "cl_note": "Note",
    },
}
