"""Hostile spreadsheets for the upload tests, built in memory in a second or two.

``xlsx_bomb(10**9)`` is a real rate-list workbook whose one note cell holds 10^9 characters, under
1 MB zipped: deflate packs a run of one letter about 1,000 to 1. Compressing a gigabyte takes half
a minute, so the run is compressed once per megabyte after a full flush (which resets the
compressor, so every megabyte compresses to the same bytes) and those bytes are repeated.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from openpyxl import Workbook

_MARKER = b"BOMB-CELL"
_CHUNK = b"a" * (1 << 20)


def rate_workbook(note: str = _MARKER.decode()) -> bytes:
    """A small, good rate list as .xlsx: headings, one CU, and a note column."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["CU code", "CU name", "Year", "Base rate", "Note"])
    sheet.append(["721027", "Roofing", 2027, "4.54", note])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _deflated_run(head: bytes, chars: int, tail: bytes) -> tuple[bytes, int]:
    """Raw deflate of ``head + "a" * chars + tail``, and its CRC-32."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    parts = [compressor.compress(head), compressor.flush(zlib.Z_FULL_FLUSH)]
    crc = zlib.crc32(head)
    whole, rest = divmod(chars, len(_CHUNK))
    if whole:
        piece = compressor.compress(_CHUNK) + compressor.flush(zlib.Z_FULL_FLUSH)
        parts.append(piece * whole)
        for _ in range(whole):
            crc = zlib.crc32(_CHUNK, crc)
    parts.append(compressor.compress(_CHUNK[:rest] + tail) + compressor.flush())
    return b"".join(parts), zlib.crc32(_CHUNK[:rest] + tail, crc)


def _zip(members: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip of already deflated members: (name, deflated bytes, CRC-32, unzipped size)."""
    out = io.BytesIO()
    directory = []
    for name, data, crc, size in members:
        offset = out.tell()
        encoded = name.encode()
        fixed = struct.pack("<HHHHHIII", 20, 0, 8, 0, 0x21, crc, len(data), size)
        out.write(b"PK\x03\x04" + fixed + struct.pack("<HH", len(encoded), 0) + encoded + data)
        directory.append(
            b"PK\x01\x02"
            + struct.pack("<H", 20)
            + fixed
            + struct.pack("<HHHHHII", len(encoded), 0, 0, 0, 0, 0, offset)
            + encoded
        )
    start = out.tell()
    out.write(b"".join(directory))
    end = struct.pack("<HHHHIIH", 0, 0, len(members), len(members), out.tell() - start, start, 0)
    out.write(b"PK\x05\x06" + end)
    return out.getvalue()


def xlsx_bomb(chars: int) -> bytes:
    """A rate-list workbook whose note cell holds ``chars`` letters (a real, valid zip)."""
    source = zipfile.ZipFile(io.BytesIO(rate_workbook()))
    members = []
    for info in source.infolist():
        data = source.read(info.filename)
        if _MARKER in data:
            head, tail = data.split(_MARKER)
            deflated, crc = _deflated_run(head, chars, tail)
            members.append((info.filename, deflated, crc, len(head) + chars + len(tail)))
        else:
            compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
            deflated = compressor.compress(data) + compressor.flush()
            members.append((info.filename, deflated, zlib.crc32(data), len(data)))
    return _zip(members)


def workbook_with(part: str, replace: bytes | None) -> bytes:
    """The good rate workbook with one part replaced (or left out, with None)."""
    source = zipfile.ZipFile(io.BytesIO(rate_workbook("x")))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != part:
                target.writestr(info.filename, source.read(info.filename))
            elif replace is not None:
                target.writestr(info.filename, replace)
    return out.getvalue()


def billion_laughs(part: bytes) -> bytes:
    """``part`` behind a DOCTYPE whose entities expand to 10^9 "lol"s (the classic XML bomb)."""
    entities = b'<!ENTITY lol0 "lol">' + b"".join(
        b'<!ENTITY lol%d "%s">' % (n, b"&lol%d;" % (n - 1) * 10) for n in range(1, 10)
    )
    return b"<!DOCTYPE worksheet [" + entities + b"]>" + part.replace(b"<t>Roofing</t>", b"<t>&lol9;</t>")
