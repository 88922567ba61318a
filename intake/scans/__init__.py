"""Scanned and posted letters: a file becomes text, the text a letter, the letter a ParsedMessage.

    sniffing.py   which kind of file (PDF, PNG, JPEG, TIFF), by its first bytes
    reading.py    the text: the PDF's text layer where a page has one, else OCR
                  (Tesseract through pytesseract; PDF pages rendered by pypdfium2)
    fields.py     the writer's name, postal address, email address, the date written, the body
    message.py    the ParsedMessage for a letter, and for an email that carries one scanned letter

Nothing here touches the database: the parse stage calls `letter_message` for a stored
letter and `scanned_letter_in_email` for every email, and `intake letter add` stores the
file raw (intake.storing.store_letter) before any of it runs. (intake/letters/ is the other
way round: the letters we print and post.)
"""
