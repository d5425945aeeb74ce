/**
 * THE rule registry: one array, sorted by id. Docs, `migsafe rules`, config validation and
 * report metadata all derive from it. A test checks that it matches the rules/ folders.
 */
import type { AnyRule } from '../src/engine/rule.js';
import { compareText } from '../src/util/compare.js';

import addColumnRequired from './add-column-required/rule.js';
import addColumnVolatileDefault from './add-column-volatile-default/rule.js';
import addExclusionConstraint from './add-exclusion-constraint/rule.js';
import addUniqueConstraint from './add-unique-constraint/rule.js';
import alterDomainAddConstraint from './alter-domain-add-constraint/rule.js';
import attachPartition from './attach-partition/rule.js';
import banCharType from './ban-char-type/rule.js';
import changeColumnType from './change-column-type/rule.js';
import clusterTable from './cluster-table/rule.js';
import concurrentInTransaction from './concurrent-in-transaction/rule.js';
import constraintNotValid from './constraint-not-valid/rule.js';
import contractSameRelease from './contract-same-release/rule.js';
import contractStillReferenced from './contract-still-referenced/rule.js';
import createDomainWithConstraint from './create-domain-with-constraint/rule.js';
import detachPartitionNonConcurrent from './detach-partition-non-concurrent/rule.js';
import downgradeDataLoss from './downgrade-data-loss/rule.js';
import dropColumn from './drop-column/rule.js';
import dropDatabase from './drop-database/rule.js';
import dropNotNull from './drop-not-null/rule.js';
import dropTable from './drop-table/rule.js';
import duplicateRevision from './duplicate-revision/rule.js';
import dynamicSql from './dynamic-sql/rule.js';
import editedReleasedMigration from './edited-released-migration/rule.js';
import enumValueInTransaction from './enum-value-in-transaction/rule.js';
import invalidIgnore from './invalid-ignore/rule.js';
import irreversibleDowngrade from './irreversible-downgrade/rule.js';
import lockTable from './lock-table/rule.js';
import mixedPhases from './mixed-phases/rule.js';
import multipleHeads from './multiple-heads/rule.js';
import outOfOrderMigration from './out-of-order-migration/rule.js';
import pgVersionSyntax from './pg-version-syntax/rule.js';
import preferBigint from './prefer-bigint/rule.js';
import preferIdentity from './prefer-identity/rule.js';
import preferJsonb from './prefer-jsonb/rule.js';
import preferText from './prefer-text/rule.js';
import preferTimestamptz from './prefer-timestamptz/rule.js';
import refreshMatviewNonConcurrent from './refresh-matview-non-concurrent/rule.js';
import reindexNonConcurrent from './reindex-non-concurrent/rule.js';
import renameColumn from './rename-column/rule.js';
import renameTable from './rename-table/rule.js';
import requireConcurrentIndex from './require-concurrent-index/rule.js';
import requireConcurrentIndexDrop from './require-concurrent-index-drop/rule.js';
import requireLockTimeout from './require-lock-timeout/rule.js';
import revisionCycle from './revision-cycle/rule.js';
import setLogged from './set-logged/rule.js';
import setNotNull from './set-not-null/rule.js';
import syntaxError from './syntax-error/rule.js';
import statementInTransaction from './statement-in-transaction/rule.js';
import transactionNesting from './transaction-nesting/rule.js';
import truncateTable from './truncate-table/rule.js';
import unbatchedBackfill from './unbatched-backfill/rule.js';
import unknownDownRevision from './unknown-down-revision/rule.js';
import unusedIgnore from './unused-ignore/rule.js';
import vacuumFull from './vacuum-full/rule.js';

export const rules: readonly AnyRule[] = ([
  addColumnRequired,
  addColumnVolatileDefault,
  addExclusionConstraint,
  addUniqueConstraint,
  alterDomainAddConstraint,
  attachPartition,
  banCharType,
  changeColumnType,
  clusterTable,
  concurrentInTransaction,
  constraintNotValid,
  contractSameRelease,
  contractStillReferenced,
  createDomainWithConstraint,
  detachPartitionNonConcurrent,
  downgradeDataLoss,
  dropColumn,
  dropDatabase,
  dropNotNull,
  dropTable,
  duplicateRevision,
  dynamicSql,
  editedReleasedMigration,
  enumValueInTransaction,
  invalidIgnore,
  irreversibleDowngrade,
  lockTable,
  mixedPhases,
  multipleHeads,
  outOfOrderMigration,
  pgVersionSyntax,
  preferBigint,
  preferIdentity,
  preferJsonb,
  preferText,
  preferTimestamptz,
  refreshMatviewNonConcurrent,
  reindexNonConcurrent,
  renameColumn,
  renameTable,
  requireConcurrentIndex,
  requireConcurrentIndexDrop,
  requireLockTimeout,
  revisionCycle,
  setLogged,
  setNotNull,
  syntaxError,
  statementInTransaction,
  transactionNesting,
  truncateTable,
  unbatchedBackfill,
  unknownDownRevision,
  unusedIgnore,
  vacuumFull,
] as AnyRule[]).sort((a, b) => compareText(a.meta.id, b.meta.id));

export const ruleIds: ReadonlySet<string> = new Set(rules.map((r) => r.meta.id));

export function getRule(id: string): AnyRule | undefined {
  return rules.find((r) => r.meta.id === id);
}
