/**
 * The administrator's user page: who may sign in and with which roles. It exists so that an alliance can hand out
 * designer and reviewer accounts without touching the API or the database.
 */
package org.qualigraph.account.ui;
