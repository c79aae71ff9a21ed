"""PDFs of the built site's printables: printed by Chromium (printer.py), made accessible after (finish.py)."""
