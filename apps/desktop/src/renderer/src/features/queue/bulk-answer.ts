import { type CannotExecuteGround, type ItemOutcome, type PlannedItem, type Request } from '@contact-desk/shared';

/**
 * One outcome given to every item of several requests: what the liaison chose in the bulk bar,
 * checked as the protocol checks an item's answer (a refusal or a "cannot execute" needs a
 * reason, a "cannot execute" a ground, and only it).
 */
export interface AnswerChoice {
  readonly outcome: ItemOutcome;
  readonly reason: string | null;
  readonly ground: CannotExecuteGround | null;
}

export type ChoiceProblem = 'reasonMissing' | 'groundMissing';

/** Whether an outcome needs a reason. */
export function needsReason(outcome: ItemOutcome | ''): boolean {
  return outcome === 'refused' || outcome === 'cannot_execute';
}

/** The choice as the form holds it (empty strings for nothing), made whole, or what is missing. */
export function answerChoice(outcome: ItemOutcome, reason: string, ground: CannotExecuteGround | ''): AnswerChoice | ChoiceProblem {
  const given = reason.trim();
  if (needsReason(outcome) && given === '') return 'reasonMissing';
  if (outcome === 'cannot_execute' && ground === '') return 'groundMissing';
  return { outcome, reason: given === '' ? null : given, ground: outcome === 'cannot_execute' && ground !== '' ? ground : null };
}

/** Every item of the request with the one answer. */
export function everyItem(request: Request, choice: AnswerChoice): PlannedItem[] {
  return request.items.map((item) => ({ itemId: item.id, ...choice }));
}

/** Whether the request shows these answers: each item with its outcome, reason and ground. */
export function showsAnswers(request: Request, answers: readonly PlannedItem[]): boolean {
  const items = new Map(request.items.map((item) => [item.id, item.answer]));
  return answers.every((answer) => {
    const shown = items.get(answer.itemId);
    return shown?.outcome === answer.outcome && shown.reason === answer.reason && shown.ground === answer.ground;
  });
}
