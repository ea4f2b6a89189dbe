export { renderPdf, type DocumentBlock, type DocumentModel } from './pdf.js';
export { readPdf } from './read-pdf.js';
