import { displayText } from '../../ipc/displayText';
import { pickProfile, type CliCommand } from '../context';

export const customersCommand: CliCommand = {
  name: 'customers',
  summary: 'List customer tenants (cached; --refresh fetches again, --search TEXT filters).',
  options: { search: { type: 'string' }, refresh: { type: 'boolean', default: false } },
  async run({ services, values, profile, print }) {
    const profileId = await pickProfile(services, profile);
    const { customers } = await services.customers.list(profileId, values.refresh === true);
    const needle = typeof values.search === 'string' ? values.search.toLowerCase() : undefined;
    const shown = needle
      ? customers.filter((c) => [c.name, c.domain, c.tenantId].some((field) => field.toLowerCase().includes(needle)))
      : customers;
    // Names come from Partner Center: what the terminal gets is made safe first (displayText.ts).
    print(shown, shown.map((c) => `${c.tenantId}\t${displayText(c.domain)}\t${displayText(c.name)}`).join('\n'));
    return 0;
  },
};
