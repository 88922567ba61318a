"""What staff do from a case page, as plain domain functions (no web code, no click).

One small module per action; the web app and `intake cases ...` / `intake messages ...`
call the same functions, so what a button does is what the command does and is tested once.

    notes.add_note                         a staff note in the case trail
    consent.record_consent                 the young person's consent is now shown
    acknowledgement.preview_acknowledgement / send_acknowledgement
                                           a person releases a held acknowledgement
    merge.merge_duplicate                  a second case about the same complaint joins the first
    manual_case.case_from_message          a quarantined or automated message made into a case
    listing.quarantined / listing.automated  the messages with no case, for staff to look at

Each takes the session (and settings when it renders or writes a message), the case, who
acts (`by`) and when (`at`); each records one event in the case trail; each refuses with
intake.casework.CaseworkRefused and one clear sentence, leaving nothing changed.
"""
