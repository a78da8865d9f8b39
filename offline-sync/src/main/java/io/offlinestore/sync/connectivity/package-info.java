/**
 * Connectivity monitors and probes: the probing monitor that checks HTTP endpoints and TCP ports
 * on a schedule, and the manual monitor that an application or a test switches itself.
 */
package io.offlinestore.sync.connectivity;
