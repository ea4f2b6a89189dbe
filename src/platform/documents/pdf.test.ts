import { describe, expect, it } from 'vitest';
import { renderPdf } from './pdf.js';
import { readPdf } from './read-pdf.js';

describe('tagged PDF documents', () => {
  it('renders text that reads back, with title, language and a structure tree', async () => {
    const pdf = await renderPdf({
      title: 'Warning letter',
      author: 'Probity',
      language: 'en-GB',
      largePrint: false,
      blocks: [
        { kind: 'heading', level: 1, text: 'Warning: you did not comply with your order' },
        { kind: 'paragraph', text: 'You did not attend your appointment on 3 March 2026.' },
        { kind: 'list', items: ['First point', 'Second point'] },
        { kind: 'table', header: ['Date', 'Outcome'], rows: [['3 March 2026', 'Unacceptable absence']] },
      ],
    });
    expect(pdf.subarray(0, 8).toString()).toBe('%PDF-1.7');
    const read = await readPdf(pdf);
    expect(read.text).toContain('Warning: you did not comply with your order');
    expect(read.text).toContain('You did not attend your appointment on 3 March 2026.');
    expect(read.text).toContain('Unacceptable absence');
    expect(read.info.Title).toBe('Warning letter');
    expect(read.tagged).toBe(true);
    const roles = JSON.stringify(read.structureTree);
    expect(roles).toContain('"role":"H1"');
    expect(roles).toContain('"role":"P"');
    expect(roles).toContain('"role":"Table"');
    expect(pdf.toString('latin1')).toContain('/Lang (en-GB)');
  });

  it('uses larger type for large print', async () => {
    const model = {
      title: 't',
      author: 'a',
      language: 'en-GB',
      blocks: [{ kind: 'paragraph' as const, text: 'word '.repeat(1500) }],
    };
    const normal = await readPdf(await renderPdf({ ...model, largePrint: false }));
    const large = await readPdf(await renderPdf({ ...model, largePrint: true }));
    expect(large.pages.length).toBeGreaterThan(normal.pages.length);
  });
});
