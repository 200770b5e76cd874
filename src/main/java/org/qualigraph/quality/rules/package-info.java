/**
 * The rules of the quality catalogue (quality-rules.md), one small class per stable rule id, grouped by standard.
 * Internal to the quality module: other modules see only the report.
 */
package org.qualigraph.quality.rules;
