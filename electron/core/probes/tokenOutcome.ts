/**
 * A refused token, as a readiness probe's outcome: the access check's plain-language cell
 * (accessCheck/outcomes.ts, customerPolicy.ts) plus the category a partner admin acts on.
 */
import type { AccessOutcome } from '../../ipc/accessCheck';
import type { ProbeOutcome, ProbeProblem } from '../../ipc/readiness';
import { describeCustomerPolicy } from '../accessCheck/customerPolicy';
import { describeFailure } from '../accessCheck/outcomes';
import { NetworkError } from '../http/httpClient';
import { MicrosoftIdentityError } from '../identity/aadsts';

const problemByCode: Record<string, ProbeProblem> = {
  '65001': 'not-consented',
  '50020': 'no-access',
  '500011': 'no-service',
};

export function tokenFailure(error: unknown, { customerPolicy = false } = {}): ProbeOutcome {
  if (customerPolicy && error instanceof MicrosoftIdentityError) return withProblem(describeCustomerPolicy(error), 'customer-policy');
  return withProblem(describeFailure(error), problemOf(error));
}

function problemOf(error: unknown): ProbeProblem {
  if (error instanceof NetworkError) return 'network';
  if (!(error instanceof MicrosoftIdentityError)) return 'other';
  const known = error.code ? problemByCode[error.code] : undefined;
  if (known) return known;
  if (error.explanation?.fix === 'retry') return 'throttled';
  if (error.explanation?.fix === 're-consent') return 'sign-in';
  return 'other';
}

function withProblem(outcome: AccessOutcome, problem: ProbeProblem): ProbeOutcome {
  if (outcome.status !== 'failed') return outcome;
  return { ...outcome, step: 'token', problem };
}
