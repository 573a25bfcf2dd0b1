// A byte-exact multipart/form-data reader. WHATWG FormData would decode a part without a filename
// as UTF-8 text, and the SDK's axios/form-data upload of a Buffer sends exactly such a part.

export interface MultipartPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

function boundaryOf(contentType: string): string | null {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m ? (m[1] ?? m[2] ?? null) : null;
}

function parseHeaders(block: string): { name?: string; filename?: string; contentType?: string } {
  const out: { name?: string; filename?: string; contentType?: string } = {};
  for (const line of block.split('\r\n')) {
    const [key, ...rest] = line.split(':');
    const value = rest.join(':').trim();
    if (key?.toLowerCase() === 'content-disposition') {
      const name = /\bname="([^"]*)"/i.exec(value)?.[1];
      const filename = /\bfilename="([^"]*)"/i.exec(value)?.[1];
      if (name !== undefined) out.name = name;
      if (filename !== undefined) out.filename = filename;
    } else if (key?.toLowerCase() === 'content-type') {
      out.contentType = value;
    }
  }
  return out;
}

/** Returns the parts, or null when the body is not well-formed multipart. */
export function parseMultipart(body: Buffer, contentType: string): MultipartPart[] | null {
  const boundary = boundaryOf(contentType);
  if (!boundary) return null;
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: MultipartPart[] = [];
  let pos = body.indexOf(delimiter);
  if (pos < 0) return null;
  for (;;) {
    const afterDelimiter = pos + delimiter.length;
    if (body.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') return parts;
    const headerStart = afterDelimiter + 2; // skip CRLF
    const headerEnd = body.indexOf('\r\n\r\n', headerStart);
    const next = body.indexOf(delimiter, headerStart);
    if (headerEnd < 0 || next < 0 || headerEnd > next) return null;
    const headers = parseHeaders(body.subarray(headerStart, headerEnd).toString('utf8'));
    if (headers.name === undefined) return null;
    // Part data ends with the CRLF that precedes the next delimiter.
    const data = body.subarray(headerEnd + 4, next - 2);
    parts.push({
      name: headers.name,
      data: Buffer.from(data),
      ...(headers.filename !== undefined ? { filename: headers.filename } : {}),
      ...(headers.contentType !== undefined ? { contentType: headers.contentType } : {}),
    });
    pos = next;
  }
}
