/**
 * The local status API's seam to what runs the offline work: {@link io.offlinestore.sync.status.RunController},
 * driven by the {@code /api/offline/sync} endpoints, with an implementation over the operation queue.
 */
package io.offlinestore.sync.status;
