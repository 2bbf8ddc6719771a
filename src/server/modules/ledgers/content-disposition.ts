/** RFC 5987 attachment header: an ASCII fallback name and the real (Chinese) name in UTF-8. */
export function attachment(name: string, asciiName?: string): string {
  // Old clients that ignore filename* get a readable English name rather than underscores.
  const ascii = (asciiName ?? name).replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
