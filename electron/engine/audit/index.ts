export { auditLog } from './audit-log.js';
export type { AuditLogInput } from './audit-log.js';
export { auditWorkbench } from './audit-workbench.js';
export type { AuditWorkbenchInput } from './audit-workbench.js';
export { MAX_REPORTED_PROBLEMS } from './audit-report.js';
export type { AuditReport, AuditProblem, AuditProblemCode, AuditNote, AuditNoteCode, AuditPlace, AuditProgress } from './audit-report.js';
