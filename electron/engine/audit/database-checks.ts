import { SCHEMA_VERSION, type Store } from '../store/index.js';
import type { AuditFindings } from './audit-report.js';

/**
 * Checks the database file as a whole: SQLite's own page and index checks (`integrity_check`, which
 * also compares every index with its table), broken references, the header's versions and the schema
 * text against what this release's migrations create, and rows of logs that do not exist.
 * Cost: one pass over every page in use (~0.1 s for 130 MB).
 */
export function checkDatabase(store: Store, findings: AuditFindings): void {
  findings.guard('the SQLite integrity check', () => {
    const lines = store.integrityCheck();
    if (lines.length === 1 && lines[0] === 'ok') return;
    for (const line of lines) findings.problem('database_corrupt', null, `SQLite's integrity check reports: ${line}`, { table: 'sqlite' });
  });
  findings.guard('the foreign key check', () => {
    for (const v of store.foreignKeyViolations()) {
      findings.problem('foreign_key_broken', null, `row ${v.rowid ?? '?'} of table ${v.table} refers to a ${v.parent} row that does not exist`, { table: v.table, rowid: v.rowid ?? -1 });
    }
  });
  findings.guard('the schema check', () => {
    const { userVersion, applicationId } = store.headerVersions();
    const header = (field: string) => ({ table: 'sqlite_header', field });
    if (applicationId !== 0) findings.problem('schema_altered', null, `the database header holds application id ${applicationId}; provwb never sets one`, header('application_id'));
    if (userVersion > SCHEMA_VERSION) {
      findings.problem('schema_altered', null, `the database header says schema version ${userVersion}, newer than this provwb's ${SCHEMA_VERSION}: audit it with the provwb that wrote it`, header('user_version'));
      return;
    }
    // Released migrations never change, so every stored object must read exactly as migrations 1 to
    // the header's version create it: a database not yet opened by this release lacks the later
    // migrations' objects and may hold ones they drop; a lowered version shows their objects as extra.
    const expected = new Map(store.expectedSchemaObjects(userVersion).map((o) => [`${o.type} ${o.name}`, o]));
    const actual = new Map(store.schemaObjects().map((o) => [`${o.type} ${o.name}`, o]));
    for (const [key, object] of actual) {
      const want = expected.get(key);
      if (!want) findings.problem('schema_altered', null, `the schema holds ${key}, which provwb's migrations do not create by schema version ${userVersion}`, { table: 'sqlite_schema', name: object.name });
      else if (want.sql !== object.sql || want.tableName !== object.tableName) {
        findings.problem('schema_altered', null, `the stored definition of ${key} differs from the one provwb's migrations create`, { table: 'sqlite_schema', name: object.name });
      }
    }
    for (const [key, object] of expected) if (!actual.has(key)) findings.problem('schema_altered', null, `the schema lacks ${key}`, { table: 'sqlite_schema', name: object.name });
  });
  findings.guard('the check for rows of missing logs', () => {
    for (const o of store.rowsOfMissingLogs()) {
      findings.problem('rows_of_missing_log', null, `${o.rows} row(s) of table ${o.table} belong to log id ${o.logId}, which does not exist`, { table: o.table, logId: o.logId });
    }
  });
}
