/** OASys item answers and the scores the predictors give them (0, 1 or 2). */

/** A problem item: no problems, some problems, significant problems. */
export const PROBLEM_LEVELS = ['none', 'some', 'significant'] as const;
export type ProblemLevel = (typeof PROBLEM_LEVELS)[number];

/** Motivation to tackle a problem: full, partial or none. */
export const MOTIVATION_LEVELS = ['full', 'partial', 'none'] as const;
export type MotivationLevel = (typeof MOTIVATION_LEVELS)[number];

/** "Awareness of consequences": yes, sometimes or no. */
export const AWARENESS_ANSWERS = ['yes', 'sometimes', 'no'] as const;
export type AwarenessAnswer = (typeof AWARENESS_ANSWERS)[number];

/** Each answer list is in score order, so an answer's score is its position: 0, 1 or 2. */
export function answerScore<T extends string>(answers: readonly T[], answer: T): number {
  const score = answers.indexOf(answer);
  if (score < 0) throw new RangeError(`"${answer}" is not one of ${answers.join(', ')}`);
  return score;
}

export const problemScore = (answer: ProblemLevel): number => answerScore(PROBLEM_LEVELS, answer);
export const motivationScore = (answer: MotivationLevel): number => answerScore(MOTIVATION_LEVELS, answer);
export const awarenessScore = (answer: AwarenessAnswer): number => answerScore(AWARENESS_ANSWERS, answer);

/** "some (1)": the answer with its score, for the explanation. */
export function scored(answer: string, score: number): string {
  return `${answer} (${score})`;
}
