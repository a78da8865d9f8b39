/**
 * Transactions: the commit that buffers a unit of work's reads and writes and applies them as one atomic backend batch, its query view, and the commit sequence.
 */
package io.offlinestore.engine.tx;
