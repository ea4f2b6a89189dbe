import { describe, expect, it } from 'vitest';
import { describeAuditDetail } from './rules.js';

describe('what an audit event says happened', () => {
  it('names the page looked at', () => {
    expect(describeAuditDetail({ page: 'personal-details' })).toBe('Page: personal details');
  });

  it('names the section and the fields changed', () => {
    expect(
      describeAuditDetail({ section: 'contact', changes: { telephone: '01632 960001', email: null } }),
    ).toBe('Changed contact: telephone, email');
  });

  it('says which list refused a look', () => {
    expect(describeAuditDetail({ page: 'overview', list: 'exclusion' })).toBe(
      'Page: overview; Refused: on the exclusion list',
    );
  });

  it('lists the other facts, leaving out empty ones and nested objects, and stays short', () => {
    expect(
      describeAuditDetail({ q: 'smith', results: 3, empty: '', nested: { a: 1 }, roles: ['a', 'b'] }),
    ).toBe('q: smith; results: 3; roles: a, b');
    expect(describeAuditDetail({ notes: 'x'.repeat(1000) }).length).toBe(300);
    expect(describeAuditDetail(null)).toBe('');
  });
});
