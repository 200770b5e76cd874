/**
 * The exchange screens: the editor's Export tab (every export format with a language choice, large documents generated
 * in the background with progress) and the spreadsheet import with a preview of what it changes.
 */
package org.qualigraph.exchange.ui;
