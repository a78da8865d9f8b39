/**
 * The operation queue's implementation over the store's public API: the stored queue, its
 * collection schema, the lane and dependency planner, and the back-off schedule.
 */
package io.offlinestore.sync.queue.internal;
