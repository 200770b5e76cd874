/**
 * Accounts and roles: who may design, review or administer. Users live in the graph with bcrypt-hashed passwords;
 * the first start creates {@code admin}. It exists so that months of committee work can only be changed by the
 * people entitled to change it.
 */
package org.qualigraph.account;
