"""Hostile files built in the tests themselves: Word documents with any body or extra parts,
and PDFs written object by object (shared streams, unknown filters, loops, deep nesting)."""

from __future__ import annotations

import io
import zipfile
import zlib

import docx


def docx_with(body: bytes | None = b"<w:p><w:r><w:t>Hello.</w:t></w:r></w:p>",
              extra: dict[str, bytes] | None = None, *, lying_size: bool = False) -> bytes:
    """A real .docx whose <w:body> holds `body` (None: no body element at all), with `extra`
    parts added. `lying_size`: a part of 2 MB of zeros whose header declares 100 bytes."""
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                head, _, rest = data.partition(b"<w:body>")
                tail = rest.partition(b"</w:body>")[2]
                data = head + (b"<w:body>" + body + b"</w:body>" if body is not None else b"") + tail
            archive.writestr(info.filename, data)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    data = out.getvalue()
    if lying_size:
        data = _with_lying_part(data)
    return data


def _with_lying_part(data: bytes) -> bytes:
    """Make word/document.xml unpack to more than its declared size (a bomb that lies)."""
    big = b"<w:p/>" * 400_000
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            archive.writestr(info.filename, big if info.filename == "word/document.xml" else source.read(info.filename))
    raw = bytearray(out.getvalue())
    real = len(big).to_bytes(4, "little")
    fake = (100).to_bytes(4, "little")
    for header in (b"PK\x03\x04", b"PK\x01\x02"):  # local header: size at +22; central: at +24
        offset = 22 if header == b"PK\x03\x04" else 24
        at = raw.find(header)
        while at >= 0:
            if raw[at + offset:at + offset + 4] == real:
                raw[at + offset:at + offset + 4] = fake
            at = raw.find(header, at + 4)
    return bytes(raw)


# --- PDF ---------------------------------------------------------------------------------

FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
TEXT = b"BT /F1 12 Tf 72 720 Td (The ministers met in Geneva.) Tj ET\n"


def pdf(objects: list[bytes]) -> bytes:
    """A PDF of these object bodies (object k is objects[k - 1], the catalog is object 1)."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for k, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % k + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def stream(data: bytes, filters: bytes = b"/FlateDecode") -> bytes:
    body = zlib.compress(data, 9) if filters == b"/FlateDecode" else data
    return b"<< /Length %d /Filter %s >>\nstream\n" % (len(body), filters) + body + b"\nendstream"


def pdf_pages(count: int, content: bytes = TEXT, *, catalog_extra: bytes = b"", filters: bytes = b"/FlateDecode") -> bytes:
    """`count` pages all drawing the one content stream `content`."""
    kids = b" ".join(b"%d 0 R" % (5 + k) for k in range(count))
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
    return pdf([b"<< /Type /Catalog /Pages 2 0 R %s>>" % catalog_extra,
                b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count), FONT, stream(content, filters)]
               + [page] * count)


def pdf_pages_loop() -> bytes:
    """A page tree whose only kid is itself."""
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>"])


def encrypted_pdf(user_password: str) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=io.BytesIO(pdf_pages(1)))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
