/**
 * Exchange: Europass QDR exports in the European Learning Model (LOQ XML, JSON-LD, Turtle) validated against the
 * official schemas, LOQ import, the core-curriculum document (PDF, DOCX, HTML), CSV and CASE. It exists because the
 * end of a design is a document partners adopt and a specification a national authority can publish.
 */
package org.qualigraph.exchange;
