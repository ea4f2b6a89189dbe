/**
 * "How this was worked out": every calculator in this folder answers its score together with the
 * steps that produced it, so a practitioner can check the score by hand.
 */

/** One line of the working: an input, a coefficient, a table row or a piece of arithmetic. */
export interface ExplanationStep {
  /** What the line is, for example "Copas rate" or "Unemployed". */
  label: string;
  /** The value the calculation used, unrounded, or an answer in words. */
  value: string | number;
  /** Where the value came from: the rule or table row, or the arithmetic with its numbers. */
  detail?: string;
}

/** A number for the detail text: at most `places` decimals, without trailing zeros. */
export function decimal(value: number, places = 6): string {
  return String(Number(value.toFixed(places)));
}

/** A term of a written sum: negatives in brackets, so "a + (-b)" cannot be misread. */
export function term(value: number | string): string {
  const text = String(value);
  return text.startsWith('-') ? `(${text})` : text;
}

export function sumInWords(terms: readonly (number | string)[]): string {
  return terms.map(term).join(' + ');
}

export function yesOrNo(answer: boolean): string {
  return answer ? 'yes' : 'no';
}
