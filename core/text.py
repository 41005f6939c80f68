"""Text as it may be stored: no control characters, and one line where one line is meant.

Control characters (a NUL, a vertical tab) are invisible, and XML cannot hold them: one in a title made the
feed fail for everyone. A line break in a mail subject is a header injection. Every entrance of text (the
public form, the admin, the import) cleans it with these.
"""

import re

from django.db import models

# C0 and C1 control characters except tab, line feed and carriage return, and the two non-characters XML refuses.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
LINE_BREAKS = re.compile("\\s*[\r\n\u2028\u2029\x85]+\\s*")


def without_control_characters(text):
    return CONTROL_CHARACTERS.sub("", text)


def single_line(text):
    """Line breaks become one space; tabs and control characters go."""
    return without_control_characters(LINE_BREAKS.sub(" ", text)).replace("\t", " ").strip()


class CleanTextMixin:
    """For pages: one-line fields (CharField) lose line breaks and control characters, longer text
    (TextField) its control characters, before they are validated; Wagtail validates a draft with
    minimal_clean() and a live page, or a revision, with full_clean()."""

    def clean_fields(self, exclude=None):
        self.clean_text()
        super().clean_fields(exclude=exclude)

    def minimal_clean(self):
        self.clean_text()
        super().minimal_clean()

    def clean_text(self):
        for field in self._meta.concrete_fields:
            value = getattr(self, field.attname, None)
            if not isinstance(value, str):
                continue
            if isinstance(field, models.TextField):
                setattr(self, field.attname, without_control_characters(value))
            elif isinstance(field, models.CharField):
                setattr(self, field.attname, single_line(value))
