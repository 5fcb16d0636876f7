import { problem } from '../protocol/problem';
import type { FieldError, Problem, ProblemCode } from '../protocol/problem';

/** Thrown anywhere in a request; the error handler turns it into application/problem+json. */
export class ProblemError extends Error {
  readonly problem: Problem;

  constructor(code: ProblemCode, status: number, detail?: string, errors?: FieldError[]) {
    super(detail ?? code);
    this.name = 'ProblemError';
    this.problem = problem(code, status, detail, errors);
  }
}
