import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const standardFontDataUrl = `${path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

/** Reads a PDF back: its text page by page, its metadata and whether it is tagged. For tests and checks. */
export async function readPdf(pdf: Uint8Array) {
  const document = await getDocument({
    data: new Uint8Array(pdf),
    useSystemFonts: false,
    isEvalSupported: false,
    standardFontDataUrl,
  }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const page = await document.getPage(n);
    const content = await page.getTextContent();
    pages.push(
      content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''),
    );
  }
  const { info } = (await document.getMetadata()) as unknown as { info: Record<string, unknown> };
  const markInfo = await document.getMarkInfo();
  const tree = await (await document.getPage(1)).getStructTree();
  await document.destroy();
  return { text: pages.join('\n'), pages, info, tagged: Boolean(markInfo?.Marked), structureTree: tree };
}
