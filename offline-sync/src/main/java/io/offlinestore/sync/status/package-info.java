/**
 * The local status API's seam to what runs the offline work: {@link io.offlinestore.sync.status.RunController},
 * driven by the {@code /api/offline/sync} endpoints, with implementations over the operation queue, over
 * document sync, and over both together.
 */
package io.offlinestore.sync.status;
