/** Test control: a customer tenant's own Conditional Access (customerConditionalAccess.ts). */
import { JsonError, json, sendJson, type RequestContext, type Route } from '../http';
import type { CustomerPolicy } from '../customerConditionalAccess';

function parsePolicy(body: { policy?: unknown; seconds?: unknown }): CustomerPolicy | null {
  if (body.policy === null) return null;
  if (body.policy === 'requireMfa' || body.policy === 'block') return { kind: body.policy };
  if (body.policy === 'signInFrequency' && typeof body.seconds === 'number' && body.seconds >= 0) return { kind: 'signInFrequency', seconds: body.seconds };
  throw new JsonError(400, { error: 'bad_request', message: 'policy must be "requireMfa", "block", "signInFrequency" (with seconds ≥ 0) or null.' });
}

function setCustomerPolicy(ctx: RequestContext): void {
  const customer = ctx.sim.state.customersById.get(ctx.params.tenantId.toLowerCase());
  if (!customer) throw new JsonError(404, { error: 'not_found', message: `No customer tenant '${ctx.params.tenantId}'.` });
  const policy = parsePolicy(json<{ policy?: unknown; seconds?: unknown }>(ctx));
  if (policy) ctx.sim.state.controls.customerPolicies.set(customer.id, policy);
  else ctx.sim.state.controls.customerPolicies.delete(customer.id);
  sendJson(ctx.res, 200, { tenantId: customer.id, policy: policy ? (policy.kind === 'signInFrequency' ? { policy: policy.kind, seconds: policy.seconds } : { policy: policy.kind }) : null });
}

export function customerPolicyRoutes(): Route[] {
  return [{ method: 'POST', path: '/_sim/customers/:tenantId/conditional-access', handler: setCustomerPolicy }];
}
