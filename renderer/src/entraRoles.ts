// One table of Entra role names, shared with main and the CLI (electron/core/readiness/entraRoles.ts).
export { entraRoleName } from '../../electron/core/readiness/entraRoles';
