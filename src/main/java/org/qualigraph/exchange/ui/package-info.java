/**
 * The exchange screens: the editor's Export tab (every export format with a language choice, large documents generated
 * in the background with progress), the spreadsheet import with a preview of what it changes, the "Submit to
 * authority" pre-flight check (editor tab and page) that validates a qualification against the official Europass
 * schemas before handing out the files, and the LOQ XML import page.
 */
package org.qualigraph.exchange.ui;
