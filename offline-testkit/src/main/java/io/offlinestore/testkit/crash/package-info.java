/**
 * The crash-recovery contract: a writer process killed with SIGKILL at random moments, and the
 * checks that committed batches survive whole and indexes agree with documents.
 */
package io.offlinestore.testkit.crash;
