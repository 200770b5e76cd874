/**
 * The ESCO module's views: the administrator's "Reference data" page that uploads an ESCO release and follows its
 * import live. Views talk to {@link org.qualigraph.esco.EscoService} and the job service only.
 */
package org.qualigraph.esco.ui;
