import PDFDocument from 'pdfkit';

/** What a letter or report is made of; the renderer turns each block into tagged PDF structure. */
export type DocumentBlock =
  | { kind: 'heading'; text: string; level: 1 | 2 | 3 }
  | { kind: 'paragraph'; text: string; bold?: boolean }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; header: string[]; rows: string[][] }
  | { kind: 'lines'; lines: string[] }
  | { kind: 'page-break' };

export interface DocumentModel {
  title: string;
  author: string;
  subject?: string;
  /** BCP 47, for screen readers: 'en-GB'. */
  language: string;
  /** 16 point text instead of 12, for people who need large print. */
  largePrint: boolean;
  blocks: DocumentBlock[];
}

const SIZES = {
  normal: { body: 12, h1: 18, h2: 15, h3: 13 },
  large: { body: 16, h1: 24, h2: 20, h3: 18 },
};

type Pdf = InstanceType<typeof PDFDocument>;

function headingTag(level: 1 | 2 | 3): 'H1' | 'H2' | 'H3' {
  return level === 1 ? 'H1' : level === 2 ? 'H2' : 'H3';
}

function writeBlock(doc: Pdf, block: DocumentBlock, sizes: (typeof SIZES)['normal']): void {
  switch (block.kind) {
    case 'heading': {
      const size = block.level === 1 ? sizes.h1 : block.level === 2 ? sizes.h2 : sizes.h3;
      doc.addStructure(
        doc.struct(headingTag(block.level), {}, () => {
          doc
            .font('Helvetica-Bold')
            .fontSize(size)
            .text(block.text, { paragraphGap: size / 2 });
        }),
      );
      break;
    }
    case 'paragraph':
      doc.addStructure(
        doc.struct('P', {}, () => {
          doc
            .font(block.bold ? 'Helvetica-Bold' : 'Helvetica')
            .fontSize(sizes.body)
            .text(block.text, { paragraphGap: sizes.body / 2 });
        }),
      );
      break;
    case 'lines':
      doc.addStructure(
        doc.struct('P', {}, () => {
          doc
            .font('Helvetica')
            .fontSize(sizes.body)
            .text(block.lines.join('\n'), { paragraphGap: sizes.body / 2 });
        }),
      );
      break;
    case 'list': {
      const list = doc.struct('L');
      doc.addStructure(list);
      for (const item of block.items) {
        const entry = doc.struct('LI');
        list.add(entry);
        entry.add(
          doc.struct('LBody', {}, () => {
            doc
              .font('Helvetica')
              .fontSize(sizes.body)
              .text(`•  ${item}`, { indent: 10, paragraphGap: sizes.body / 4 });
          }),
        );
        entry.end();
      }
      list.end();
      doc.moveDown(0.5);
      break;
    }
    case 'table': {
      const table = doc.struct('Table');
      doc.addStructure(table);
      const rows = [block.header, ...block.rows];
      rows.forEach((cells, index) => {
        const row = doc.struct('TR');
        table.add(row);
        const tag = index === 0 ? 'TH' : 'TD';
        row.add(
          doc.struct(tag, {}, () => {
            doc
              .font(index === 0 ? 'Helvetica-Bold' : 'Helvetica')
              .fontSize(sizes.body)
              .text(cells.join('   |   '), { paragraphGap: sizes.body / 4 });
          }),
        );
        row.end();
      });
      table.end();
      doc.moveDown(0.5);
      break;
    }
    case 'page-break':
      doc.addPage();
      break;
  }
}

/**
 * Renders a document as a tagged PDF (PDF 1.7 with a structure tree, a title
 * shown in the window, and the document language), so screen readers read it
 * in order with its headings, lists and tables.
 */
export function renderPdf(model: DocumentModel): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 62, right: 62 },
    pdfVersion: '1.7',
    tagged: true,
    lang: model.language,
    displayTitle: true,
    info: {
      Title: model.title,
      Author: model.author,
      Subject: model.subject ?? model.title,
      Creator: 'Probity',
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const sizes = model.largePrint ? SIZES.large : SIZES.normal;
  for (const block of model.blocks) writeBlock(doc, block, sizes);
  doc.end();
  return done;
}
