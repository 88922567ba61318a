"""Letters by post: for a writer who gave a postal address and no email address.

The words come from `templates/letter/` (the email's words, signed off as a letter);
pdf.py lays them out on the council's letterhead with the address in the envelope
window; queue.py stores the PDF in the case's transaction, once per case and purpose,
for staff to download, print and mark as posted (`intake letters`).
"""
