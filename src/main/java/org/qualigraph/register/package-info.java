/**
 * The public register: what "Published" means outside the organisation. Every published qualification gets a
 * persistent identifier that answers browsers with a readable page and machines with ELM (Turtle, JSON-LD) or LOQ XML,
 * the whole register is one LOQ XML dataset that Europass QDR reads at a stable URL, a DCAT-AP catalogue for data
 * portals, a read-only SPARQL endpoint and the ESCO skills the qualifications teach as open data. Nothing here needs a
 * sign-in and nothing here writes: everything is served from a snapshot of the published qualifications, rebuilt when
 * one is published or archived, so a crowd of harvesters never reaches the database.
 */
package org.qualigraph.register;
