/**
 * Entra built-in roles by display name, with their role template ids (what GDAP's `unifiedRoles`
 * carry as `roleDefinitionId`), from
 * https://learn.microsoft.com/entra/identity/role-based-access-control/permissions-reference
 * A customers file names roles by display name (`gdapRoles`); this resolves them.
 */
export const ENTRA_ROLE_IDS: Readonly<Record<string, string>> = {
  'Global Administrator': '62e90394-69f5-4237-9190-012177145e10',
  'Global Reader': 'f2ef992c-3afb-46b9-b7cf-a126ee74c451',
  'Directory Readers': '88d8e3e3-8f55-4a1e-953a-9b9898b8876b',
  'Directory Writers': '9360feb5-f418-4baa-8175-e2a00bac4301',
  'Security Reader': '5d6b6bb7-de71-4623-b4af-96380a352509',
  'Security Administrator': '194ae4cb-b126-40b2-bd5b-6091b380977d',
  'Privileged Role Administrator': 'e8611ab8-c189-46e8-94e1-60213ab1f814',
  'Privileged Authentication Administrator': '7be44c8a-adaf-4e2a-84d6-ab2649e08a13',
  'Application Administrator': '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3',
  'Cloud Application Administrator': '158c047a-c907-4556-b7ef-446551a6b5f7',
  'Exchange Administrator': '29232cdf-9323-42fd-ade2-1d097af3e4de',
  'Exchange Recipient Administrator': '31392ffb-586c-42d1-9346-e59415a2cc4e',
  'User Administrator': 'fe930be7-5e62-47db-91af-98c3a49a38b1',
  'Helpdesk Administrator': '729827e3-9c14-49f7-bb1b-9608f156bbb8',
  'Password Administrator': '966707d0-3269-4727-9be2-8c3a10f19b9d',
  'License Administrator': '4d6ac14f-3453-41d0-bef9-a3e0c569773a',
  'Groups Administrator': 'fdd7a751-b60b-444a-984c-02652fe8fa1c',
  'Authentication Administrator': 'c4e39bd9-1100-46d3-8c65-fb160da0071f',
  'Authentication Policy Administrator': '0526716b-113d-4c15-b2c8-68e3c22b9f80',
  'Conditional Access Administrator': 'b1be1c3e-b65d-4f19-8427-f6fa0d97feb9',
  'Intune Administrator': '3a2c62db-5318-420d-8d74-23affee5d9d5',
  'SharePoint Administrator': 'f28a1f50-f6e7-4571-818b-6a12f2af6b6c',
  'Teams Administrator': '69091246-20e8-4a56-aa4d-066075b2a7a8',
  'Service Support Administrator': 'f023fd81-a637-4b56-95fd-791ac0226033',
  'Billing Administrator': 'b0f54661-2d74-4c50-afa3-1ec803f12efe',
  'Domain Name Administrator': '8329153b-31d0-4727-b945-745eb3bc5f31',
  'Compliance Administrator': '17315797-102d-40b4-93e0-432062caca18',
  'Cloud Device Administrator': '7698a772-787b-4ac8-901f-60d6b08affd2',
  'Cloud App Security Administrator': '892c5842-a9a6-463a-8041-72aa08ca3cf6',
  'Reports Reader': '4a5d8f65-41da-4de4-8968-e035b65339cf',
};

/** The role template id for a display name (case-insensitive), or undefined for a name Entra does not have. */
export function entraRoleId(displayName: string): string | undefined {
  const wanted = displayName.trim().toLowerCase();
  return Object.entries(ENTRA_ROLE_IDS).find(([name]) => name.toLowerCase() === wanted)?.[1];
}
