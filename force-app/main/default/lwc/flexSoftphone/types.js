/*
 * Shapes the softphone component handles, for JSDoc type checks (the bridge protocol's, as
 * packages/flex-host-sdk/src/protocol.ts defines them). No runtime code.
 */

/**
 * @typedef {object} Activity
 * @property {string} activityKey
 * @property {string} taskSid
 * @property {string} subject
 * @property {string} channel
 * @property {'inbound'|'outbound'|null} direction
 * @property {string|null} startedAt
 * @property {string} endedAt
 * @property {number|null} durationSeconds
 * @property {string} activityDate
 * @property {string|null} customerNumber
 * @property {string|null} recordId
 * @property {string|null} recordType
 * @property {string|null} disposition
 * @property {string|null} summary
 * @property {string|null} sentiment
 * @property {string|null} topics
 */

/**
 * @typedef {object} BridgeRecord
 * @property {string} recordId
 * @property {string} objectApiName
 * @property {string|null} name
 */

export {};
