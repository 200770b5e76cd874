/**
 * Europass QDR in the European Learning Model: the LOQ XML and ELM RDF (JSON-LD, Turtle) exports, their validation
 * against the official XSD and SHACL files of the ELM release, the pre-flight check and the LOQ XML import.
 */
package org.qualigraph.exchange.elm;
