"""Reading the items of one array in a large JSON document one at a time, so memory stays flat.

`array_items(stream, "cases")` yields the items of the list under the top-level key "cases" of
{"cases": [...]}, parsing the document as it goes. A syntax error raises JSONStreamError with the
line and column in the whole document; a well-formed document without such a list raises
NotTheFormat once the document has been read to its end.
"""

import json

CHUNK_SIZE = 1 << 20
WHITESPACE = " \t\n\r"
FOLLOWERS = WHITESPACE + ",]}:"
_decoder = json.JSONDecoder()


class JSONStreamError(ValueError):
    def __init__(self, msg, lineno, colno):
        super().__init__(f"{msg}: line {lineno} column {colno}")
        self.msg, self.lineno, self.colno = msg, lineno, colno


class NotTheFormat(ValueError):
    """Well-formed JSON, but not an object with a list under the key."""


class _Reader:
    def __init__(self, stream):
        self.stream = stream
        self.buffer = ""
        self.pos = 0
        self.eof = False
        # Where the buffer starts in the document, for error positions.
        self.lines_before = 0
        self.column_before = 0

    def fill(self):
        chunk = self.stream.read(CHUNK_SIZE)
        if not chunk:
            self.eof = True
            return
        dropped = self.buffer[: self.pos]
        newlines = dropped.count("\n")
        if newlines:
            self.lines_before += newlines
            self.column_before = len(dropped) - dropped.rfind("\n") - 1
        else:
            self.column_before += len(dropped)
        self.buffer = self.buffer[self.pos :] + chunk
        self.pos = 0

    def error(self, msg, pos):
        newlines = self.buffer.count("\n", 0, pos)
        if newlines:
            return JSONStreamError(msg, self.lines_before + newlines + 1, pos - self.buffer.rfind("\n", 0, pos))
        return JSONStreamError(msg, self.lines_before + 1, self.column_before + pos + 1)

    def peek(self):
        """The next character that is not whitespace ('' at the end)."""
        while True:
            while self.pos < len(self.buffer) and self.buffer[self.pos] in WHITESPACE:
                self.pos += 1
            if self.pos < len(self.buffer) or self.eof:
                return self.buffer[self.pos] if self.pos < len(self.buffer) else ""
            self.fill()

    def value(self):
        self.peek()
        while True:
            try:
                value, end = _decoder.raw_decode(self.buffer, self.pos)
            except json.JSONDecodeError as error:
                if self.eof:
                    raise self.error(error.msg, error.pos) from None
                self.fill()
                continue
            # A value must be followed by whitespace or punctuation; one that ends where the buffer ends, or
            # before something else, may go on in the next chunk (a number cut as "2." of "2.5", say).
            if not self.eof and (end == len(self.buffer) or self.buffer[end] not in FOLLOWERS):
                self.fill()
                continue
            self.pos = end
            return value

    def expect(self, char, msg):
        if self.peek() != char:
            raise self.error(msg, self.pos)
        self.pos += 1


def array_items(stream, key):
    reader = _Reader(stream)
    found = False
    if reader.peek() != "{":
        reader.value()  # a syntax error is reported as such; valid JSON of another shape is not the format
    else:
        reader.pos += 1
        if reader.peek() == "}":
            reader.pos += 1
        else:
            while True:
                if reader.peek() != '"':
                    raise reader.error("Expecting property name enclosed in double quotes", reader.pos)
                name = reader.value()
                reader.expect(":", "Expecting ':' delimiter")
                if name == key and reader.peek() == "[":
                    found = True
                    reader.pos += 1
                    if reader.peek() == "]":
                        reader.pos += 1
                    else:
                        while True:
                            yield reader.value()
                            if reader.peek() == "]":
                                reader.pos += 1
                                break
                            reader.expect(",", "Expecting ',' delimiter")
                else:
                    reader.value()
                if reader.peek() == "}":
                    reader.pos += 1
                    break
                reader.expect(",", "Expecting ',' delimiter")
    if reader.peek() != "":
        raise reader.error("Extra data", reader.pos)
    if not found:
        raise NotTheFormat(key)
