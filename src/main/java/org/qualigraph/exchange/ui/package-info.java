/**
 * Pages of the exchange module: the "Submit to authority" pre-flight check (editor tab and page) that validates a
 * qualification against the official Europass schemas before handing out the files, and the LOQ XML import page.
 */
package org.qualigraph.exchange.ui;
