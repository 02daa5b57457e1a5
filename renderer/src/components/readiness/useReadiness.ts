import { useMemo } from 'react';
import type { CustomerTenant } from '../../../../electron/ipc/customers';
import type { ReadinessVerdict } from '../../../../electron/ipc/readiness';
import type { SnippetModule } from '../../../../electron/ipc/schemas';
import { checkableModules } from '../../../../electron/shared/moduleRequirements';
import { judgeReadiness } from '../../../../electron/shared/readiness';
import { useNow } from '../../hooks/useNow';
import { useSamDeskStore } from '../../store';

/** The readiness of each module SAM Desk can judge, for one customer, from what the store knows. */
export function useReadiness(customer: CustomerTenant): Partial<Record<SnippetModule, ReadinessVerdict>> {
  const probe = useSamDeskStore((state) => state.probeResults[customer.tenantId]);
  const consent = useSamDeskStore((state) => state.consentFindings[customer.tenantId]);
  // Once a minute is enough for "ends in N days".
  const now = useNow(60_000);
  return useMemo(
    () => Object.fromEntries(checkableModules.map((module) => [module, judgeReadiness({ customer, module, probe, consent, nowMs: now })])),
    [customer, probe, consent, now],
  );
}
